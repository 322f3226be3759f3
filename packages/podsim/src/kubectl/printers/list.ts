/**
 * The List wrapper `kubectl get -o yaml|json` prints when more than one object (or a whole
 * collection) is requested (kubectl pkg/cmd/get/get.go printGeneric).
 */
import type { KubeObject } from '../../api/types.js';

export interface PrintedList {
  apiVersion: 'v1';
  items: KubeObject[];
  kind: 'List';
  metadata: { resourceVersion: string };
}

export function listOf(items: KubeObject[]): PrintedList {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
