/**
 * The faces rating for pages: `<script src="sipas-faces.js"></script>` beside the drop-in, or an
 * import in a bundled app. It registers the type in the page's shared registries, where
 * `<sipas-form>` and `<sipas-designer>` look types up, whichever bundle they came from.
 */
import { coreTypes } from '@sipas/core';
import { defineQuestionType } from '@sipas/form';
import { SipasFaces } from './element.js';
import faces from './type.js';

// A page may include the script twice (two CMS widgets): the second copy finds the type there.
if (!coreTypes.has(faces.type)) defineQuestionType({ ...faces, element: { tag: 'sipas-faces', class: SipasFaces } });
