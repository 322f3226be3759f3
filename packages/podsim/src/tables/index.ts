/**
 * Server-side table generation: one handler per resource, looked up by plural resource name.
 * Every table carries all columns (the API server always renders wide); the printer drops
 * priority columns unless `-o wide`.
 */
import type { KubeObject } from '../api/types.js';
import { LazyPart } from '../lazy/part.js';
import rareRows from './rare-kinds.lazy.js';
import { cronJobTable, jobTable } from './batch.js';
import { configMapTable, namespaceTable, pvcTable, resourceQuotaTable, secretTable, serviceAccountTable } from './config.js';
import { eventTable } from './events.js';
import { nodeTable } from './nodes.js';
import { podTable } from './pods.js';
import { endpointSliceTable, endpointsTable, serviceTable } from './services.js';
import { pvTable, storageClassTable } from './storage.js';
import { apiServiceTable } from './apiservices.js';
import { ingressClassTable, ingressTable } from './ingress.js';
import { controllerRevisionTable, statefulSetTable } from './statefulsets.js';
import { columns, type Table, type TableContext, type TableHandler } from './types.js';
import { daemonSetTable, deploymentTable, replicaSetTable } from './workloads.js';

export type { Table, TableColumn, TableRow, TableContext } from './types.js';
export { podSummary } from './pods.js';

/** Tables of kinds the course's first commands never list, from a lazy part. */
const RARE_ROWS = new LazyPart('tables-rare-kinds', rareRows);


const HANDLERS: Record<string, TableHandler> = {
  pods: podTable,
  deployments: deploymentTable,
  daemonsets: daemonSetTable,
  replicasets: replicaSetTable,
  statefulsets: statefulSetTable,
  ingresses: ingressTable,
  ingressclasses: ingressClassTable,
  apiservices: apiServiceTable,
  controllerrevisions: controllerRevisionTable,
  jobs: jobTable,
  cronjobs: cronJobTable,
  events: eventTable,
  nodes: nodeTable,
  namespaces: namespaceTable,
  services: serviceTable,
  endpoints: endpointsTable,
  endpointslices: endpointSliceTable,
  configmaps: configMapTable,
  secrets: secretTable,
  serviceaccounts: serviceAccountTable,
  persistentvolumeclaims: pvcTable,
  persistentvolumes: pvTable,
  storageclasses: storageClassTable,
  resourcequotas: resourceQuotaTable,
};

/** Kinds without a printer get the API server's default table (apiserver pkg/registry/rest/table.go). */
const DEFAULT_TABLE: TableHandler = {
  columns: columns('Name', 'Created At'),
  row: (obj) => [obj.metadata.name ?? '', obj.metadata.creationTimestamp ? new Date(Date.parse(obj.metadata.creationTimestamp)).toISOString().replace(/\.\d{3}Z$/, 'Z') : ''],
};

/** The plural resources with their own table printer; the rest get the API server's default table. */
export function tableResources(): string[] {
  return [...Object.keys(HANDLERS), ...Object.keys(RARE_ROWS.get().HANDLERS)];
}

/** The table `kubectl get <resource>` prints for these objects; `resource` is the plural (`pods`, `deployments.apps` also accepted). */
export function tableFor(resource: string, objects: KubeObject[], ctx: TableContext): Table {
  const plural = resource.split('.')[0].toLowerCase();
  // Rare kinds are only listed on a reader's request, after the parts have arrived.
  const handler = HANDLERS[plural] ?? (RARE_ROWS.loaded ? RARE_ROWS.get().HANDLERS[plural] : undefined) ?? DEFAULT_TABLE;
  return {
    columns: handler.columns,
    rows: objects.map((object) => ({ cells: handler.row(object, ctx), object })),
  };
}
