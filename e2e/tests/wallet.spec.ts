import {
  customerByEmail,
  dialogNamed,
  expect,
  openShowcase,
  screenshot,
  test,
  type List,
} from './fixtures.js';

/*
 * <abona-wallet-button>: one-step purchase of Pro monthly. In test mode the sandbox draws its own
 * wallet sheet (Google Pay in Chromium) with the real total and the wallet's email.
 */

test('wallet button: the test-mode sheet shows the total, Pay subscribes, Cancel charges nothing', async ({
  page,
  email,
  api,
}, testInfo) => {
  await openShowcase(page);
  const wallet = page.locator('abona-wallet-button#wallet');
  const button = wallet.getByRole('button', { name: 'Pay with Google Pay (test)' });

  // Cancel first: nothing happens and the customer is told so.
  await button.click();
  await expect(wallet.getByRole('dialog', { name: 'Google Pay' })).toBeVisible();
  const sheet = dialogNamed(wallet, 'Google Pay');
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(wallet.getByRole('dialog', { name: 'Google Pay' })).toBeHidden();
  await expect(wallet.getByRole('status')).toHaveText('Payment canceled. Nothing was charged.');

  await button.click();
  await expect(wallet.getByRole('dialog', { name: 'Google Pay' })).toBeVisible();
  await expect(sheet.getByText('Test mode: a simulated wallet sheet. Nothing is charged.')).toBeVisible();
  await expect(sheet.getByText('Total today')).toBeVisible();
  await sheet.getByLabel('Email').fill(email);
  await screenshot(page, testInfo, 'wallet-sheet');
  await sheet.getByRole('button', { name: 'Pay with Google Pay (test)' }).click();

  await expect(wallet.getByRole('status')).toHaveText('Payment complete. Thank you!');
  await expect(wallet.getByRole('dialog', { name: 'Google Pay' })).toBeHidden();
  await expect(button).toBeDisabled();
  await expect(page.locator('#event-log')).toContainText('abona-checkout-completed');
  await screenshot(page, testInfo, 'wallet-success');

  const customer = await customerByEmail(api, email);
  expect(customer, 'the wallet purchase created the customer with the sheet’s email').toBeDefined();
  const subs = await api.get<List<{ status: string; default_payment_method: string | null }>>(
    `/v1/subscriptions?customer=${customer!.id}`,
  );
  expect(subs.data).toHaveLength(1);
  expect(['trialing', 'active']).toContain(subs.data[0]!.status);
  expect(subs.data[0]!.default_payment_method).toMatch(/^pm_/);
  const invoices = await api.get<List<{ status: string }>>(`/v1/invoices?customer=${customer!.id}`);
  expect(invoices.data.map((i) => i.status)).toEqual(['paid']);
});
