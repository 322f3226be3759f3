/**
 * Remark plugin: bash blocks become lines with run controls, YAML blocks that name a file become
 * files the sandbox can open and apply. Authors write plain fenced code:
 *
 * ````md
 * ```bash
 * #Create the pod
 * kubectl apply -f pod.yaml
 * ctrl+c
 * ```
 * ````
 *
 * becomes (abridged)
 *
 * ```html
 * <div class="rc rc-bash" data-rc-block="bash"><ol class="rc-lines">
 *   <li class="rc-line rc-comment"><span>#Create the pod</span></li>
 *   <li class="rc-line rc-cmd"><button data-rc-action="run" data-rc-line="kubectl apply -f pod.yaml">…</button><code>kubectl apply -f pod.yaml</code></li>
 *   <li class="rc-line rc-cmd"><button data-rc-action="key" data-rc-key="ctrl+c">…</button><kbd>ctrl+c</kbd></li>
 * </ol></div>
 * ```
 *
 * Syntax templates (meta `syntax`), YAML without a file name and other languages are left to
 * Expressive Code.
 */
import type { Code, Root } from 'mdast';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { classifyBlock, type CodeBlock } from './code-steps.js';
import { renderBash, renderYaml } from './render-blocks.js';

function render(block: CodeBlock): Element | undefined {
  if (block.kind === 'bash' && block.runnable) return renderBash(block);
  if (block.kind === 'yaml' && block.file) return renderYaml({ ...block, file: block.file });
  return undefined;
}

/** Code blocks of a Markdown/MDX tree in document order: what the docs tests replay. */
export function codeBlocksOf(tree: Root): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  visit(tree, 'code', (node: Code) => {
    blocks.push(classifyBlock(node.lang, node.meta, node.value));
  });
  return blocks;
}

export default function remarkRunnableCode() {
  return (tree: Root) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (!parent || index === undefined) return;
      const el = render(classifyBlock(node.lang, node.meta, node.value));
      if (!el) return;
      // Unknown node types are turned into their data.hName element by mdast-util-to-hast.
      parent.children[index] = {
        type: 'runnableCode',
        data: { hName: el.tagName, hProperties: el.properties, hChildren: el.children },
      } as unknown as Code;
    });
  };
}
