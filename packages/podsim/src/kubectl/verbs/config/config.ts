/**
 * `kubectl config`: the kubeconfig files kubectl reads (--kubeconfig, $KUBECONFIG, ~/.kube/config)
 * viewed and edited. A subcommand is one entry here.
 */
import type { Command } from '../../command.js';
import { currentContext, deleteContext, getContexts, renameContext, setContext, useContext } from './contexts.js';
import { deleteCluster, deleteUser, getClusters, getUsers, setCluster, setCredentials } from './entries.js';
import { set, unset } from './properties.js';
import { view } from './view.js';

export const config: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  usage: 'config SUBCOMMAND [options]',
  flags: [],
  subcommands: [currentContext, deleteCluster, deleteContext, deleteUser, getClusters, getContexts, getUsers, renameContext, set, setCluster, setContext, setCredentials, unset, useContext, view],
};
