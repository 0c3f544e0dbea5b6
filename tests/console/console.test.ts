import type { Page } from 'playwright-core';
import { startTestHub, type TestHub } from '../support/hub';
import { ensureConsoleBuilt, launchBrowser, screenshot, seriousViolations, type OpenBrowser } from './browser';

/**
 * The console in a real browser against a real hub on demo data (issue 17): what the coordinator, the analyst and an
 * agency's specialist see and do, with axe-core checking each screen. One browser for the file, a new tab per person.
 */
let hub: TestHub;
let browser: OpenBrowser;
let base: string;

beforeAll(async () => {
  ensureConsoleBuilt();
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  base = hub.gatewayUrl.replace(/\/graphql$/, '');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

async function signIn(page: Page, choice: string) {
  await page.goto(`${base}/app/`);
  await page.getByRole('heading', { name: 'Вход' }).waitFor();
  await page.locator(`input[name="signIn"][value="${choice}"]`).check();
  await page.getByRole('button', { name: 'Войти' }).click();
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

test('the coordinator finds the Ivanov family overdue, opens its route across five agencies with the graph drawn, and revoking health consent opens a gap (seed 003 §33)', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${base}/app/`);
    await page.getByRole('heading', { name: 'Вход' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, '1-sign-in');
    const graphqlBodies: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST') graphqlBodies.push(r.postData() ?? '');
    });
    await signIn(page, 'coordinator-irkutsk');

    // The worklist: overdue cases first and marked, the Ivanov family among them.
    await page.getByRole('heading', { name: 'Рабочий список' }).waitFor();
    const rows = page.getByTestId('case');
    await rows.first().waitFor();
    await page.locator('tr.overdue').first().waitFor();
    // The page and what makes each family late (its route's steps) come in one request, not one per family.
    expect(graphqlBodies).toHaveLength(1);
    expect(graphqlBodies[0]).toMatch(/worklist\(.*route/s);
    // Filtering asks the hub: one more request with the stage, and only that stage's cases come back.
    const [filtered] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/graphql')),
      page.getByLabel('Этап').selectOption('IDENTIFIED'),
    ]);
    const { data } = await filtered.json();
    expect(graphqlBodies).toHaveLength(2);
    expect(JSON.parse(graphqlBodies[1]).variables).toMatchObject({ stage: ['IDENTIFIED'], territoryOktmo: null });
    await page
      .getByRole('status')
      .filter({ hasText: `Случаев: ${data.worklist.totalCount}` })
      .waitFor();
    const stagesShown = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2].textContent));
    expect(stagesShown).toHaveLength(data.worklist.edges.length);
    expect(stagesShown.every((s) => s === 'Выявлен')).toBe(true);
    await page.getByLabel('Этап').selectOption('');
    await rows.filter({ hasText: 'Иванов' }).first().waitFor();
    await page.locator('tr.overdue').first().waitFor();
    const ivanov = rows.filter({ hasText: 'Иванов' }).first();
    await expect(ivanov.getAttribute('class')).resolves.toContain('overdue');
    await expect(ivanov.innerText()).resolves.toMatch(/Просрочено шагов маршрута: [1-9]|Срок этапа просрочен/);
    const classes = await rows.evaluateAll((trs) => trs.map((tr) => tr.classList.contains('overdue')));
    expect(classes.indexOf(false) === -1 || classes.lastIndexOf(true) < classes.indexOf(false)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, '2-worklist');

    // Keyboard: the family link is reached and followed with the keyboard.
    const link = ivanov.getByRole('link');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Маршрут семьи/ }).waitFor();
    await page.getByTestId('route-graph').waitFor();
    await page.waitForFunction(() => window.routeGraph !== undefined);

    // Steps of all five agencies in the timeline, and the graph drawn with as many nodes as the API gave.
    const lanesWithSteps = await page
      .getByTestId('lane')
      .evaluateAll((lanes) => lanes.filter((l) => l.querySelector('[data-testid="step"]')).map((l) => l.getAttribute('data-agency')));
    expect(new Set(lanesWithSteps)).toEqual(new Set(['SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND']));
    const drawn = await page.evaluate(() => ({
      nodes: window.routeGraph!.nodes().length,
      steps: window.routeGraph!.nodes('[kind = "STEP"]').length,
      edges: window.routeGraph!.edges().length,
    }));
    const stepCount = await page.getByTestId('step').count();
    expect(drawn.steps).toBe(stepCount);
    expect(drawn.nodes).toBeGreaterThan(stepCount);
    expect(drawn.edges).toBeGreaterThan(0);
    await expect(page.getByTestId('graph-summary').innerText()).resolves.toContain(`Узлов: ${drawn.nodes}`);

    // Selecting a step in the graph highlights it in the timeline.
    const stepId = await page.evaluate(() => {
      const node = window.routeGraph!.nodes('[kind = "STEP"]').first();
      node.emit('tap');
      return node.id();
    });
    const selectedStep = page.locator('[data-testid="step"].selected');
    await selectedStep.waitFor();
    await expect(selectedStep.getAttribute('id')).resolves.toBe(`step-${stepId}`);
    await expectAccessible(page);
    await screenshot(page, '3-family-route');

    // Revoking Artyom's health consent, confirmed in a dialog: the route is drawn again with the health gap.
    expect(await page.locator('[data-testid="gap"][data-agency="HEALTH"]').count()).toBe(0);
    const artyom = page.getByTestId('consent-table').filter({ hasText: 'Артём' });
    await artyom.getByTestId('consent-HEALTH').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('Здравоохранение');
    await expectAccessible(page);
    await screenshot(page, '4-consent-confirm');
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    const gap = page.locator('[data-testid="gap"][data-agency="HEALTH"][data-code="CONSENT_REQUIRED"]');
    await gap.waitFor();
    await expect(gap.innerText()).resolves.toContain('Артём');
    await expect(artyom.getByTestId('consent-HEALTH').innerText()).resolves.toBe('Дать согласие');
    await expect(artyom.getByTestId('consent-EDUCATION').innerText()).resolves.toBe('Отозвать');
    await screenshot(page, '4-consent-gap');

    // The access log of a member: who read her data, in which agency, when.
    await page.locator('.members li', { hasText: 'Иванова Елена' }).getByRole('link').click();
    await page.getByRole('heading', { name: /Журнал доступа/ }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    await expect(page.getByRole('table').innerText()).resolves.toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await expectAccessible(page);
    await screenshot(page, '7-access-log');
  } finally {
    await page.close();
  }
});

test("a health specialist accepts the clinic's referral from her inbox, and the coordinator's route shows it accepted (seed 003 §16, §27)", async () => {
  const specialist = await browser.context.newPage();
  try {
    await signIn(specialist, 'specialist-health-irkutsk-clinic');
    await specialist.getByRole('heading', { name: 'Входящие направления' }).waitFor();
    const referral = specialist.getByTestId('referral').filter({ hasText: 'Курс медицинской реабилитации' });
    await referral.waitFor();
    await expect(referral.getByTestId('referral-status').innerText()).resolves.toContain('ожидает ответа');
    await expectAccessible(specialist);
    await screenshot(specialist, '5-referral-inbox');
    await referral.getByRole('button', { name: /^Принять/ }).click();
    const dialog = specialist.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await specialist.getByText('Ответ записан.').waitFor();
    await referral.getByTestId('referral-status').filter({ hasText: 'принято' }).waitFor();
    await screenshot(specialist, '5-referral-accepted');
  } finally {
    await specialist.close();
  }
  const coordinator = await browser.context.newPage();
  try {
    await signIn(coordinator, 'coordinator-irkutsk');
    await coordinator.getByTestId('case').filter({ hasText: 'Иванов' }).getByRole('link').click();
    await coordinator.getByRole('heading', { name: /Маршрут семьи/ }).waitFor();
    const accepted = coordinator.getByTestId('step').filter({ hasText: 'Направление (ACCEPTED)' });
    expect(await accepted.count()).toBe(2);
    expect(await coordinator.getByTestId('step').filter({ hasText: 'Направление (REQUESTED)' }).count()).toBe(0);
  } finally {
    await coordinator.close();
  }
});

test('the analyst sees the resource map of a territory with small counts released as «<10» and no personal data (seed 003 §34.8)', async () => {
  const page = await browser.context.newPage();
  try {
    await signIn(page, 'analyst');
    await page.getByRole('heading', { name: 'Карта ресурсов' }).waitFor();
    await page.getByTestId('coverage').waitFor();
    await page.getByRole('img', { name: /диаграмма/ }).waitFor();
    expect(await page.getByTestId('suppressed').count()).toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    for (const personal of ['Иванов', 'Петров', 'Смирнова', 'Артём', '11223344595', '12345678964']) expect(text).not.toContain(personal);
    await expectAccessible(page);
    await screenshot(page, '6-resource-map');
  } finally {
    await page.close();
  }
});
