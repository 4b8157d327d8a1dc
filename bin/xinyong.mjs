#!/usr/bin/env node
// The `xinyong` command (npx xinyong …): runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

process.env.TZ ??= 'Asia/Shanghai';
register();
await import('../src/cli/index.ts');
