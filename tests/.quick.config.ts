import base from '../playwright.config';
const server = { ...(base.webServer as any[])[0], cwd: '..' };
export default { ...base, testDir: './e2e', outputDir: './.results/quick', reporter: [['list']], webServer: [server], projects: [(base.projects as any[])[0]] };
