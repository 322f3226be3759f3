/** What only a cluster started with InPlacePodVerticalScaling or PodLevelResources on needs: their pod defaults and pods/resize (lazy/part.ts). */
import { defaultGatedPodFields } from './defaults/gated.js';
import { withResize } from './pod-resize.js';

export default { defaultGatedPodFields, withResize };
