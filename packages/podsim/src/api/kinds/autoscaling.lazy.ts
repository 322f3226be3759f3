/** HorizontalPodAutoscaler code the API server only runs for requests about one: validation and the autoscaling/v1 conversion (lazy/part.ts). */
import { validateHorizontalPodAutoscaler } from '../validation/autoscaling.js';
import { hpaV1ToV2, hpaV2ToV1 } from '../versions/hpa-v1.js';

export default { validateHorizontalPodAutoscaler, hpaV1ToV2, hpaV2ToV1 };
