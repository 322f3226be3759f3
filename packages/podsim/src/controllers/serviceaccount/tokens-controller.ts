/**
 * The token controller of kube-controller-manager (k8s pkg/controller/serviceaccount/tokens_controller.go):
 * a Secret of type kubernetes.io/service-account-token gets its ServiceAccount's UID annotation and
 * the `ca.crt`, `namespace` and `token` keys (a legacy, non-expiring token); one whose ServiceAccount
 * does not exist (or no longer has that UID) is deleted, and deleting a ServiceAccount deletes its
 * token Secrets.
 */
import { ROOT_CA } from '../../api/bootstrap.js';
import { legacyClaims, signedToken } from '../../api/service-account-token.js';
import type { KubeObject, Secret } from '../../api/types.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';

const TOKEN_TYPE = 'kubernetes.io/service-account-token';
const NAME_KEY = 'kubernetes.io/service-account.name';
const UID_KEY = 'kubernetes.io/service-account.uid';

type TokenSecret = Secret & KubeObject;

const b64 = (s: string): string => btoa(s);

export class TokensController {
  private readonly queue: WorkQueue;
  private readonly secrets: Informer<TokenSecret>;
  private readonly accounts: Informer;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.secrets = ctx.informers.for<TokenSecret>('secrets');
    this.accounts = ctx.informers.for('serviceaccounts');
  }

  start(): void {
    this.secrets.onChange((type, s) => {
      if (type !== 'DELETED' && s.type === TOKEN_TYPE) this.queue.add(keyOf(s));
    });
    this.accounts.onChange((type, sa) => {
      if (type !== 'DELETED') return;
      for (const s of this.secrets.list(sa.metadata.namespace)) if (s.type === TOKEN_TYPE && s.metadata.annotations?.[NAME_KEY] === sa.metadata.name) this.queue.add(keyOf(s));
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const secret = this.secrets.get(namespace, name);
    if (!secret || secret.type !== TOKEN_TYPE || secret.metadata.deletionTimestamp) return;
    const annotations = secret.metadata.annotations ?? {};
    const got = this.ctx.api.get('serviceaccounts', namespace, annotations[NAME_KEY] ?? '');
    const sa = got.ok ? got.value : undefined;
    if (!sa || (annotations[UID_KEY] && annotations[UID_KEY] !== sa.metadata.uid)) {
      this.ctx.api.delete('secrets', namespace, name);
      return;
    }
    const data = secret.data ?? {};
    if (data['ca.crt'] && data.namespace && data.token && annotations[UID_KEY]) return;
    const token = signedToken(legacyClaims(namespace, { name: sa.metadata.name ?? '', uid: sa.metadata.uid ?? '' }, name), this.ctx.random);
    const next = {
      ...secret,
      metadata: { ...secret.metadata, annotations: { ...annotations, [NAME_KEY]: sa.metadata.name ?? '', [UID_KEY]: sa.metadata.uid ?? '' } },
      data: { ...data, 'ca.crt': data['ca.crt'] ?? b64(ROOT_CA), namespace: data.namespace ?? b64(namespace), token: data.token ?? b64(token) },
    };
    const r = this.ctx.api.update<TokenSecret>('secrets', namespace, next);
    if (r.ok) this.secrets.store(r.value);
    else this.queue.addAfter(key, 1000);
  }
}
