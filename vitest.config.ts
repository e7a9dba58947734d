import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The audit date of every test that does not give its own: within the transition period, when
    // examples/aligned.yaml has no gap. Tests of later dates pass --today themselves.
    env: { RURAL_AUDIT_TODAY: '2024-06-01' },
  },
});
