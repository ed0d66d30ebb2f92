import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fake, installFakeVscode } from './fakes/vscode';

installFakeVscode();
// Loaded after the fake vscode is installed, hence require rather than import.
const { readSettings } = require('../../src/extension/settings') as typeof import('../../src/extension/settings');

test('“Pause Before Checking” sets the pause; a pause set under its former name, debounceMs, still counts', () => {
  fake.reset();
  assert.equal(readSettings().debounceMs, 250, 'the default');
  fake.settings['objectiveOutcome.debounceMs'] = 600;
  assert.equal(readSettings().debounceMs, 600, 'the former name still works');
  fake.settings['objectiveOutcome.pauseBeforeChecking'] = 100;
  assert.equal(readSettings().debounceMs, 100, 'the new name wins');
  fake.settings['objectiveOutcome.pauseBeforeChecking'] = 99_999;
  assert.equal(readSettings().debounceMs, 5000, 'kept within 0–5000 ms');
  assert.equal(readSettings().focusMode, true, 'focus mode is on by default');
  fake.settings['objectiveOutcome.focusMode'] = false;
  assert.equal(readSettings().focusMode, false);
  fake.reset();
});
