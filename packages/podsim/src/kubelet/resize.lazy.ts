/** The kubelet's in-place resize, run only with InPlacePodVerticalScaling on (lazy/part.ts). */
import { resizeRunning } from './resize.js';

export default { resizeRunning };
