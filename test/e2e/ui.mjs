// UI flows, driven through the real VS Code workbench (code-server) with Playwright. Where the UI
// is the point (the Problems panel, the hover, the suggestion list) we click and type like a rep;
// where a file on disk can be checked we check the file, not the DOM.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expandSnippet, todayIso } from './snippet.mjs';
import { repoRoot } from '../../scripts/vscode/paths.mjs';

/** A note's messages from the CLI (`--format json`), run on the file as a rep's manager would. */
function cliMessages(file) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'lint', file, '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(r.stdout)[0].messages;
}

const MOD = 'Control';
let stepStarted = Date.now();
/** With OO_E2E_DEBUG=1, prints how long each step of a UI flow took. */
function step(label) {
  if (process.env.OO_E2E_DEBUG) process.stdout.write(`  step ${label}: ${Date.now() - stepStarted} ms\n`);
  stepStarted = Date.now();
}

/** Waits for the workbench to be usable: explorer shown, extension host up. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a user would. */
export async function quickOpen(page, relative) {
  const input = page.locator('.quick-input-widget input');
  // The first Ctrl+P can be swallowed while the workbench is still settling; retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press(`${MOD}+P`);
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch { /* try again */ }
  }
  await input.fill(relative);
  const base = path.posix.basename(relative);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
  await row.waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[data-resource-name="${base}"], .tab.active:has-text("${base}")`).first().waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** The visible text of the active editor (VS Code renders spaces as no-break spaces). */
async function editorText(page) {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

async function focusEditor(page) {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
}

async function openProblemsPanel(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press(`${MOD}+Shift+M`);
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return panel;
}

/** The Problems panel's lines for one file: from its name to the next file's. */
function panelSection(text, fileName) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(fileName));
  if (start === -1) return '';
  const next = lines.findIndex((line, index) => index > start && /^[^\s].*\.md/.test(line) && !line.startsWith(fileName));
  return lines.slice(start, next === -1 ? undefined : next).join('\n');
}

async function eventually(what, check, timeoutMs = 10_000) {
  const t0 = Date.now();
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        if (process.env.OO_E2E_DEBUG) process.stdout.write(`  waited ${Date.now() - t0} ms for ${what}\n`);
        return;
      }
    } catch (err) { lastError = err; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

/** @returns {{name: string, fn: (ctx) => Promise<void>}[]} */
export const uiTests = [
  {
    name: 'UI flow 1: the Problems panel lists missing-outcome; typing an outcome clears it; undo brings it back',
    async fn({ page }) {
      step('start');
      await quickOpen(page, 'meetings/no-outcome.md');
      step('quick open');
      const panel = await openProblemsPanel(page);
      step('problems panel');
      await eventually('missing-outcome in the Problems panel', async () => /missing-outcome/.test(await panel.innerText()));
      const listed = await panel.innerText();
      assert.match(listed, /outcome/i);
      assert.match(listed, /no-outcome\.md/);

      // Type the outcome on a new line after the objective, like a rep would.
      const objectiveLine = page.locator('.editor-group-container.active .view-line', { hasText: 'objective:' }).first();
      step('missing-outcome listed');
      await objectiveLine.click();
      step('click');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('outcome: They book a second meeting with the office manager', { delay: 5 });
      step('typed');
      await eventually('missing-outcome to leave the Problems panel', async () => !/missing-outcome/.test(await panel.innerText()));

      // Undo until the typed line is gone (typing is grouped into a few undo steps).
      for (let i = 0; i < 40 && /^outcome:/m.test(await editorText(page)); i++) {
        await page.keyboard.press(`${MOD}+Z`);
      }
      step('undone');
      assert.doesNotMatch(await editorText(page), /^outcome:/m, 'undo removed the typed outcome');
      await eventually('missing-outcome to come back', async () => /missing-outcome/.test(await panel.innerText()));
      await page.keyboard.press(`${MOD}+S`);
    },
  },
  {
    name: 'UI flow 2: a self-focused objective is underlined on the phrase and its hover explains why',
    async fn({ page, screenshot }) {
      await quickOpen(page, 'meetings/self-focused.md');
      const squiggle = page.locator('.editor-group-container.active .squiggly-warning').first();
      await squiggle.waitFor({ timeout: 15_000 });
      // The underline sits under "get the appointment": hover its middle.
      const box = await squiggle.boundingBox();
      assert.ok(box && box.width > 40, 'the underline spans a phrase');
      const phrase = page.locator('.editor-group-container.active .view-line', { hasText: 'get the appointment' }).first();
      const phraseBox = await phrase.boundingBox();
      assert.ok(phraseBox && Math.abs(phraseBox.y - box.y) < phraseBox.height * 1.5, 'the underline is on the objective line');
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x - 10, y);
      await page.mouse.move(x, y, { steps: 5 });
      const hover = page.locator('.monaco-hover:visible', { hasText: 'self-focused-objective' }).first();
      await hover.waitFor({ timeout: 10_000 });
      assert.match(await hover.innerText(), /appointment/, 'the hover quotes the phrase');
      await page.waitForTimeout(400); // let the hover's fade-in finish before the picture
      await screenshot('self-focused-hover.png');
      await page.mouse.move(5, 5);
    },
  },
  {
    name: 'UI flow 5: a ---js note shows invalid-front-matter in the Problems panel, beside the other notes\' findings',
    async fn({ page, screenshot }) {
      await quickOpen(page, 'meetings/js-front-matter.md');
      const panel = await openProblemsPanel(page);
      await eventually('invalid-front-matter in the Problems panel', async () => /invalid-front-matter/.test(await panel.innerText()));
      const listed = await panel.innerText();
      for (const rule of ['missing-outcome', 'self-focused-objective', 'invalid-front-matter']) assert.match(listed, new RegExp(rule));
      await screenshot('problems-panel.png');
    },
  },
  {
    name: 'UI flow 3: typing "meeting" and accepting the suggestion scaffolds the whole note; saved with today\'s date',
    async fn({ page, screenshot, workspace, snippetBody }) {
      await quickOpen(page, 'notes/new-meeting.md');
      await focusEditor(page);
      await page.keyboard.type('meeting');
      const widget = page.locator('.editor-widget.suggest-widget');
      for (let attempt = 0; attempt < 3 && !(await widget.isVisible()); attempt++) {
        await page.keyboard.press(`${MOD}+Space`);
        await widget.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
      }
      await widget.waitFor({ state: 'visible' });
      const exact = widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^meeting$/ }) }).first();
      await exact.waitFor({ timeout: 10_000 });
      // Move the selection to the exact "meeting" item (fuzzy matches like first-meeting may rank first).
      for (let i = 0; i < 10 && !(await exact.evaluate((el) => el.classList.contains('focused'))); i++) {
        await page.keyboard.press('Down');
      }
      assert.ok(await exact.evaluate((el) => el.classList.contains('focused')), 'the meeting snippet is selected');
      await page.keyboard.press('Enter');
      await eventually('the scaffolded front matter', async () => /objective:/.test(await editorText(page)));
      await screenshot('snippet.png');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press(`${MOD}+S`);

      const file = path.join(workspace, 'notes', 'new-meeting.md');
      const expected = expandSnippet(snippetBody);
      await eventually('the note to be saved', async () => fs.readFileSync(file, 'utf8') === expected, 10_000).catch(() => {});
      const saved = fs.readFileSync(file, 'utf8');
      assert.equal(saved, expected, 'the file on disk is exactly what the snippet promises');
      assert.ok(saved.includes(`date: ${todayIso()}`), `dated today (${todayIso()})`);
      for (const key of ['client', 'date', 'type', 'objective', 'outcome', 'result', 'attendees', 'next_step']) {
        assert.match(saved, new RegExp(`^${key}:`, 'm'), `the front matter has ${key}`);
      }
    },
  },
  {
    name: 'UI flow 7: Ctrl+. on the underlined self-focused phrase, choose "Move the objective to the outcome": the words move, the new objective is selected to type over',
    async fn({ page, screenshot, workspace }) {
      const file = path.join(workspace, 'meetings', 'move-objective.md');
      const before = fs.readFileSync(file, 'utf8');
      await quickOpen(page, 'meetings/move-objective.md');
      // The note has two underlines (missing-outcome on the first line): take the one under the phrase.
      const phraseLine = page.locator('.editor-group-container.active .view-line', { hasText: 'objective: get the appointment' }).first();
      await phraseLine.waitFor({ timeout: 15_000 });
      const squiggles = page.locator('.editor-group-container.active .squiggly-warning');
      let box;
      await eventually('the underline under "get the appointment"', async () => {
        const line = await phraseLine.boundingBox();
        for (const candidate of await squiggles.all()) {
          const b = await candidate.boundingBox();
          if (b && line && Math.abs(b.y + b.height / 2 - (line.y + line.height / 2)) < line.height / 2 && b.width > 40) { box = b; return true; }
        }
        return false;
      }, 15_000);
      // Put the cursor inside the underlined phrase, then move the mouse away so no hover covers the menu.
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.move(5, 5);
      await eventually('the cursor on line 5', async () => /Ln 5,/.test(await page.locator('.statusbar').innerText()));
      // The light bulb: in the gutter when the line is short, beside the text otherwise.
      const bulb = page.locator('.editor-group-container.active').locator('[class*="codicon-gutter-lightbulb"], .lightBulbWidget [class*="codicon-lightbulb"], .lightBulbWidget .codicon-light-bulb').first();
      await bulb.waitFor({ state: 'visible', timeout: 10_000 });
      step('light bulb');
      const menu = page.locator('.action-widget');
      const move = menu.locator('.monaco-list-row', { hasText: 'Move the objective to the outcome' }).first();
      for (let attempt = 0; attempt < 3 && !(await move.isVisible()); attempt++) {
        await page.keyboard.press(`${MOD}+Period`);
        await move.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
      }
      await move.waitFor({ state: 'visible' });
      step('quick fix menu');
      const offered = await menu.innerText();
      assert.match(offered, /Turn off self-focused-objective for this note/, 'the menu also offers turning the rule off');
      await screenshot('quick-fix.png');
      // Choose it with the keyboard, as a rep does (the menu's pointer guard swallows synthetic clicks).
      const focused = () => move.evaluate((el) => el.classList.contains('focused'));
      for (let i = 0; i < 15 && !(await focused()); i++) await page.keyboard.press('Down');
      assert.ok(await focused(), 'the Move item is focused in the menu');
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      await eventually('the objective to move to the outcome', async () => /^outcome: get the appointment$/m.test(await editorText(page)));
      // The fix's follow-up command selects the new objective's hint (the status bar shows the
      // selection). It arrives just after the edit: wait for it, then type over it.
      const hintLength = '<about the client, e.g. understand how they work today and share one idea they can use>'.length;
      await eventually('the hint to be selected', async () => new RegExp(`Ln 5, Col ${12 + hintLength} \\(${hintLength} selected\\)`).test(await page.locator('.statusbar').innerText()));
      step('hint selected');
      await page.keyboard.type('Understand how they take wholesale orders today', { delay: 5 });
      await page.keyboard.press(`${MOD}+S`);
      const expected = before.replace('objective: get the appointment\n', 'objective: Understand how they take wholesale orders today\noutcome: get the appointment\n');
      await eventually('the note to be saved', async () => fs.readFileSync(file, 'utf8') === expected).catch(() => {});
      assert.equal(fs.readFileSync(file, 'utf8'), expected, 'the file on disk: the words moved, the typed objective replaced the hint, nothing else changed');
      await eventually('the self-focused underline to go', async () => (await page.locator('.editor-group-container.active .squiggly-warning').count()) === 0);
    },
  },
  {
    name: 'UI flow 8: a new note from the snippet, typed through with Tab: your own objective, Tab, your own outcome, each on its own line',
    async fn({ page, workspace }) {
      await quickOpen(page, 'notes/tab-through.md');
      await focusEditor(page);
      await page.keyboard.type('meeting');
      const widget = page.locator('.editor-widget.suggest-widget');
      for (let attempt = 0; attempt < 3 && !(await widget.isVisible()); attempt++) {
        await page.keyboard.press(`${MOD}+Space`);
        await widget.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
      }
      const exact = widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^meeting$/ }) }).first();
      await exact.waitFor({ timeout: 10_000 });
      for (let i = 0; i < 10 && !(await exact.evaluate((el) => el.classList.contains('focused'))); i++) await page.keyboard.press('Down');
      await page.keyboard.press('Enter');
      await eventually('the scaffolded front matter', async () => /objective:/.test(await editorText(page)));
      // Tab stop 1 is the client, 2 the type, 3 the objective, 4 the outcome: type each, Tab once.
      await page.keyboard.type('Fabrikam Law', { delay: 5 });
      await page.keyboard.press('Tab');
      await page.keyboard.type('first-meeting', { delay: 5 });
      await page.keyboard.press('Tab');
      await page.keyboard.type('Understand how the partners bill engagement letters today', { delay: 5 });
      await page.keyboard.press('Tab');
      await page.keyboard.type('They sign the engagement letter and retainer by Friday', { delay: 5 });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press(`${MOD}+S`);
      const file = path.join(workspace, 'notes', 'tab-through.md');
      await eventually('the note to be saved', async () => /^outcome: They sign/m.test(fs.readFileSync(file, 'utf8')));
      const saved = fs.readFileSync(file, 'utf8');
      assert.match(saved, /^client: Fabrikam Law$/m);
      assert.match(saved, /^type: first-meeting$/m);
      assert.match(saved, /^objective: Understand how the partners bill engagement letters today$/m, 'the objective holds only the objective');
      assert.match(saved, /^outcome: They sign the engagement letter and retainer by Friday$/m, 'the outcome landed on the outcome line');
    },
  },
  {
    name: 'UI flow 9: the status bar shows "Objective ✓ · Outcome ~" for a weak outcome; its hover says the message once, with the why, and its rule link opens the rendered page',
    async fn({ page, screenshot, workspace }) {
      await quickOpen(page, 'meetings/weak-outcome.md');
      const status = page.locator('.statusbar-item', { hasText: 'Objective' }).first();
      await eventually('the note status in the status bar', async () => /Objective ✓ · Outcome ~/.test(await status.innerText()));
      // Hover the weak outcome's underline (information: squiggly-info).
      const squiggle = page.locator('.editor-group-container.active .squiggly-info').first();
      await squiggle.waitFor({ timeout: 15_000 });
      const box = await squiggle.boundingBox();
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      const hover = page.locator('.monaco-hover:visible', { hasText: 'weak-outcome' }).first();
      await hover.waitFor({ timeout: 10_000 });
      await page.waitForTimeout(400); // let the hover's fade-in finish before reading and the picture
      const shown = (await hover.innerText()).replace(/\u00a0/g, ' ');
      // The message as the CLI gives it for the same file: the same core, run as a real process.
      const message = cliMessages(path.join(workspace, 'meetings', 'weak-outcome.md')).find((m) => m.ruleId === 'weak-outcome').message;
      assert.equal(shown.split(message).length - 1, 1, `the message appears once in the hover:\n${shown}`);
      assert.match(shown, /Why:/, 'the hover says why');
      // Our part of the hover (VS Code's own rows use no-break spaces of their own, between short labels).
      const ours = await hover.locator('.rendered-markdown', { hasText: 'Why:' }).first().innerHTML();
      assert.doesNotMatch(ours, /&nbsp;|\u00a0/, 'ordinary spaces, so lines wrap between words');
      await screenshot('weak-outcome-hover.png');
      await hover.locator('a', { hasText: 'Read about this rule' }).first().click();
      const tab = page.locator('.tab', { hasText: 'Preview weak-outcome.md' }).first();
      await tab.waitFor({ timeout: 15_000 });
      // Close it with its own close button: the keyboard focus may be inside the preview.
      await tab.hover();
      await tab.locator('.codicon-close').first().click();
      await tab.waitFor({ state: 'detached', timeout: 10_000 });
    },
  },
  {
    name: 'UI flow 10: Ctrl+. on a weak outcome offers "Add their commitment": the rep\'s words stay, the placeholder is selected and typed over',
    async fn({ page, screenshot, workspace }) {
      const file = path.join(workspace, 'meetings', 'weak-outcome.md');
      const before = fs.readFileSync(file, 'utf8');
      await quickOpen(page, 'meetings/weak-outcome.md');
      const squiggle = page.locator('.editor-group-container.active .squiggly-info').first();
      await squiggle.waitFor({ timeout: 15_000 });
      const box = await squiggle.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.move(5, 5);
      const menu = page.locator('.action-widget');
      const rewrite = menu.locator('.monaco-list-row', { hasText: 'Add their commitment' }).first();
      for (let attempt = 0; attempt < 3 && !(await rewrite.isVisible()); attempt++) {
        await page.keyboard.press(`${MOD}+Period`);
        await rewrite.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
      }
      await rewrite.waitFor({ state: 'visible' });
      await screenshot('weak-outcome-rewrite.png');
      const focused = () => rewrite.evaluate((el) => el.classList.contains('focused'));
      for (let i = 0; i < 15 && !(await focused()); i++) await page.keyboard.press('Down');
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      await eventually('the placeholder to be selected', async () => /\(15 selected\)/.test(await page.locator('.statusbar').innerText()));
      await page.keyboard.type('a pilot in two clinics', { delay: 5 });
      await page.keyboard.press(`${MOD}+S`);
      const expected = before.replace('outcome: They liked the demo.', 'outcome: They liked the demo and they commit to a pilot in two clinics by <date>.');
      await eventually('the note to be saved', async () => fs.readFileSync(file, 'utf8') === expected).catch(() => {});
      assert.equal(fs.readFileSync(file, 'utf8'), expected, 'only inserted: every byte the rep wrote is still there');
    },
  },
  {
    name: 'UI flow 11: focus mode: while the rep types an outcome, its line shows nothing; after a pause the finding appears',
    async fn({ page }) {
      await quickOpen(page, 'meetings/typing.md');
      const panel = await openProblemsPanel(page);
      await eventually('missing-outcome in the Problems panel', async () => /missing-outcome/.test(await panel.innerText()));
      const status = page.locator('.statusbar-item', { hasText: 'Objective' }).first();
      const objectiveLine = page.locator('.editor-group-container.active .view-line', { hasText: 'objective:' }).first();
      await objectiveLine.click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('outcome: T');
      // Keep typing, a letter at a rep's pace, until the Problems panel has caught up with the
      // typed outcome (the old "No outcome" gone): all that while the line is in focus.
      let whileTyping;
      for (const letter of 'hey were happy with the demo today') {
        await page.keyboard.type(letter);
        whileTyping = panelSection(await panel.innerText(), 'typing.md');
        if (/Outcome ~/.test(await status.innerText()) && !/No outcome/.test(whileTyping)) break;
      }
      assert.ok(/Outcome ~/.test(await status.innerText()), 'the note was checked as the rep typed (the status bar sees the weak outcome)');
      assert.doesNotMatch(whileTyping, /weak-outcome|missing-outcome/, `nothing on the line being typed:\n${whileTyping}`);
      await eventually('the weak outcome once the rep pauses', async () => /weak-outcome/.test(panelSection(await panel.innerText(), 'typing.md')), 10_000);
      for (let i = 0; i < 40 && /outcome: T/.test(await editorText(page)); i++) await page.keyboard.press(`${MOD}+Z`);
      await page.keyboard.press(`${MOD}+S`);
    },
  },
  {
    name: 'UI flow 12: Show Coaching Report from the Command Palette: the webview lists the notes; a click opens one; a note saved on disk appears',
    async fn({ page, workspace }) {
      // A note no earlier flow opened, so the tab that opens can only come from the click.
      const clicked = path.join(workspace, 'meetings', '2026-11-26-yankee.md');
      const added = path.join(workspace, 'meetings', '2026-11-25-zulu.md');
      fs.writeFileSync(clicked, '---\nclient: Yankee\nobjective: Learn what worries their CFO about renewal season\noutcome: they liked the demo\n---\n');
      try {
        const input = page.locator('.quick-input-widget input');
        for (let attempt = 0; attempt < 5 && !(await input.isVisible()); attempt++) {
          await page.keyboard.press('F1');
          await input.waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
        }
        await input.fill('>Objective & Outcome: Show Coaching Report');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Coaching Report' }).first().waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
        await page.locator('.tab', { hasText: 'Coaching Report' }).first().waitFor({ timeout: 15_000 });
        // The webview's page sits in an iframe inside the workbench's iframe.
        const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        const link = report.locator('a[data-file="meetings/2026-11-26-yankee.md"]').first();
        // The notes behind each number sit in folded lists, as a manager sees them: attached, not shown.
        await link.waitFor({ state: 'attached', timeout: 30_000 }).catch(async (error) => {
          const frames = await Promise.all(page.frames().map(async (frame) => `${frame.url().slice(0, 120)}: ${(await frame.content().catch(() => '')).slice(0, 300)}`));
          throw new Error(`${error.message}\nframes:\n${frames.join('\n')}`);
        });
        assert.equal(await page.locator('.tab', { hasText: '2026-11-26-yankee.md' }).count(), 0, 'the note is not open before the click');
        if (!(await link.isVisible())) await report.locator('details', { has: link }).first().locator('summary').first().click();
        await link.click();
        await page.locator('.tab.active', { hasText: '2026-11-26-yankee.md' }).first().waitFor({ timeout: 15_000 });

        fs.writeFileSync(added, '---\nclient: Zulu\nobjective: Learn what worries their CFO about renewal season\noutcome: They send their last three statements by Friday\n---\n');
        await page.locator('.tab', { hasText: 'Coaching Report' }).first().click();
        await report.locator('a[data-file="meetings/2026-11-25-zulu.md"]').first().waitFor({ state: 'attached', timeout: 20_000 });
      } finally {
        fs.rmSync(added, { force: true });
        fs.rmSync(clicked, { force: true });
      }
      await page.keyboard.press(`${MOD}+W`);
    },
  },
];
