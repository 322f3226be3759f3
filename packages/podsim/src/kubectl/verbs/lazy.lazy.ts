/**
 * The kubectl verbs a course page's first commands do not need, by command name: a chunk of their
 * own in the site's worker (lazy/part.ts), loaded after the prompt.
 */
import { apiResources, apiVersions } from './api-resources/api-resources.js';
import { attach } from './attach/attach.js';
import { autoscale } from './autoscale/autoscale.js';
import { auth } from './auth/auth.js';
import { config } from './config/config.js';
import { cp } from './cp/cp.js';
import { create } from './create/create.js';
import { debug } from './debug/debug.js';
import { diff } from './diff/diff.js';
import { cordon, drain, uncordon } from './drain/drain.js';
import { edit } from './edit/edit.js';
import { events } from './events/events.js';
import { expose } from './expose/expose.js';
import { kustomize } from './kustomize/kustomize.js';
import { annotate, label } from './label/label.js';
import { patch } from './patch/patch.js';
import { proxy } from './proxy/proxy.js';
import { replace } from './replace/replace.js';
import { rollout } from './rollout/rollout.js';
import { scale } from './scale/scale.js';
import { set } from './set/set.js';
import { top } from './top/top.js';
import { wait } from './wait/wait.js';

export default {
  'api-resources': apiResources,
  'api-versions': apiVersions,
  attach,
  autoscale,
  auth,
  config,
  cp,
  create,
  debug,
  diff,
  cordon,
  drain,
  uncordon,
  edit,
  events,
  expose,
  kustomize,
  annotate,
  label,
  patch,
  proxy,
  replace,
  rollout,
  scale,
  set,
  top,
  wait,
};
