#!/usr/bin/env node
// Node 20 cannot run TypeScript itself: tsx compiles the CLI's source on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
