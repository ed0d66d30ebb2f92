// Writes l10n/bundle.l10n.json from every vscode.l10n.t('...') message in src/extension (`npm run l10n`).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const dir = 'src/extension';
const messages = new Set();
for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
  const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.getText(source).endsWith('l10n.t')) {
      const [first] = node.arguments;
      if (!first || !ts.isStringLiteralLike(first)) throw new Error(`${file}: l10n.t takes a literal message`);
      messages.add(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
const bundle = Object.fromEntries([...messages].sort().map((message) => [message, message]));
writeFileSync('l10n/bundle.l10n.json', `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`l10n/bundle.l10n.json: ${messages.size} messages`);
