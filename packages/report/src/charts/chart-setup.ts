/**
 * chart.js, tree-shaken: only the controllers, elements, scales and plugins the dashboard draws
 * with are registered (bars for the ranking, expectations and progress; a line for the trend).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
