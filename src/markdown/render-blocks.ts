/**
 * Hast for runnable blocks. Deliberately no `pre > code` pair: Starlight's Expressive Code rewrites
 * those, and these blocks carry their own controls.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { BashBlock, BashLine, YamlBlock } from './code-steps.js';

function h(tag: string, props: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName: tag, properties: props, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function icon(): Element {
  return h('span', { className: ['rc-icon'], ariaHidden: 'true' });
}

/** What a waiting step shows next to its command: the condition, so the reader knows what comes. */
function untilNote(until: string | undefined): Element[] {
  return until ? [h('span', { className: ['rc-until'] }, [text(`waits until ${until}`)])] : [];
}

function bashLine(line: BashLine): Element {
  switch (line.kind) {
    case 'blank':
      return h('li', { className: ['rc-line', 'rc-blank'], ariaHidden: 'true' });
    case 'comment':
      return h('li', { className: ['rc-line', 'rc-comment'] }, [h('span', {}, [text(line.text)])]);
    case 'run':
      return h('li', { className: ['rc-line', 'rc-cmd'] }, [
        h('button', { type: 'button', className: ['rc-run'], dataRcAction: 'run', dataRcLine: line.line, dataRcUntil: line.until, ariaLabel: `Run in terminal: ${line.line.trim()}` }, [icon()]),
        h('code', {}, [text(line.line)]),
        ...untilNote(line.until),
      ]);
    case 'key':
      return h('li', { className: ['rc-line', 'rc-cmd'] }, [
        h('button', { type: 'button', className: ['rc-run'], dataRcAction: 'key', dataRcKey: line.label.toLowerCase(), dataRcUntil: line.until, ariaLabel: `Press ${line.label} in terminal` }, [icon()]),
        h('kbd', {}, [text(line.label)]),
        ...untilNote(line.until),
      ]);
  }
}

export function renderBash(block: BashBlock): Element {
  return h('div', { className: ['rc', 'rc-bash'], dataRcBlock: 'bash' }, [
    h('div', { className: ['rc-bar'] }, [h('span', { className: ['rc-label'] }, [text('Terminal')])]),
    h('ol', { className: ['rc-lines'] }, block.lines.map(bashLine)),
  ]);
}

const YAML_LINE = /^(\s*(?:-\s+)?)([\w.-]+)(:.*)$/;

function yamlLine(line: string): Element {
  if (line.trim().startsWith('#')) return h('span', { className: ['rc-l', 'rc-c'] }, [text(line)]);
  const m = YAML_LINE.exec(line);
  if (!m) return h('span', { className: ['rc-l'] }, [text(line)]);
  return h('span', { className: ['rc-l'] }, [text(m[1]), h('span', { className: ['rc-k'] }, [text(m[2])]), text(m[3])]);
}

export function renderYaml(block: YamlBlock & { file: string }): Element {
  const lines = block.content.replace(/\n$/, '').split('\n');
  const code: ElementContent[] = [];
  lines.forEach((l, i) => {
    if (i > 0) code.push(text('\n'));
    code.push(yamlLine(l));
  });
  const actions = block.fragment
    ? [h('button', { type: 'button', className: ['rc-btn'], dataRcAction: 'fragment', dataRcFile: block.file }, [text(`Show in ${block.file}`)])]
    : [
        h('button', { type: 'button', className: ['rc-btn'], dataRcAction: 'open', dataRcFile: block.file }, [text('Open in editor')]),
        h('button', { type: 'button', className: ['rc-btn'], dataRcAction: 'apply', dataRcFile: block.file, ariaLabel: `Apply ${block.file}` }, [text('Apply')]),
      ];
  const label = block.fragment ? `Fragment of ${block.file}` : block.file;
  return h('figure', { className: ['rc', 'rc-yaml'], dataRcBlock: 'yaml', dataRcFile: block.file, dataRcFragment: block.fragment ? '' : undefined }, [
    h('figcaption', { className: ['rc-bar'] }, [h('span', { className: ['rc-label'] }, [text(label)]), h('span', { className: ['rc-actions'] }, actions)]),
    h('pre', { className: ['rc-code'], tabIndex: 0 }, code),
  ]);
}
