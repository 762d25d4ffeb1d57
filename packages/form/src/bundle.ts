// The drop-in: one classic script that defines <sipas-form> with everything it needs inside.
import './index.js';
