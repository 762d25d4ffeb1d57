// A rollup plugin for the drop-in: squeezes the layout whitespace out of Lit's html`` and css``
// templates, which esbuild's minifier leaves alone (template text is data to it). Only whitespace
// that contains a line break is touched in HTML, so spaces a template means to keep stay.

const minifyCss = (raw) =>
  raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');

const minifyHtml = (raw) => raw.replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ');

function collectTemplates(node, found) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'css')) {
    for (const quasi of node.quasi.quasis) found.push({ quasi, minify: node.tag.name === 'css' ? minifyCss : minifyHtml });
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => collectTemplates(child, found));
    else if (value && typeof value === 'object' && typeof value.type === 'string') collectTemplates(value, found);
  }
}

export function minifyTemplates({ include = /packages\/form\/src\// } = {}) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(html|css)`/.test(code)) return null;
      const found = [];
      collectTemplates(this.parse(code), found);
      let result = code;
      for (const { quasi, minify } of found.sort((a, b) => b.quasi.start - a.quasi.start)) {
        result = result.slice(0, quasi.start) + minify(code.slice(quasi.start, quasi.end)) + result.slice(quasi.end);
      }
      return { code: result, map: null };
    },
  };
}
