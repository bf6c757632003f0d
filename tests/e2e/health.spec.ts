import { expect, test } from './web-host';

test('the red-flags page lists the emergency signs and says Unhunch gives no diagnosis', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  // One click from any page: it is in the navigation.
  await page.getByRole('link', { name: 'About your health' }).click();

  const emergency = page.getByTestId('red-flags-emergency');
  await expect(emergency.getByRole('heading')).toHaveText(
    'Call an ambulance or go to the emergency department now',
  );
  for (const sign of [
    'numbness or tingling around your genitals or buttocks',
    'losing control of your bladder or bowels',
    'chest pain',
  ]) {
    await expect(emergency).toContainText(sign);
  }
  await expect(page.getByTestId('red-flags-urgent')).toContainText(
    'pain spreading down your arms or legs with tingling or numbness',
  );
  await expect(page.getByTestId('red-flags-see-gp-or-physio')).toContainText('2 weeks');
  await expect(page.getByTestId('no-diagnosis')).toContainText('Unhunch gives no diagnosis');
  await expect(page.getByTestId('upper-back-statement')).toContainText('upper (thoracic) back');
  await expect(page.getByTestId('health-sources')).toContainText('NICE CKS-based pathways');
  // No organisation policy here, so no organisation links.
  await expect(page.getByRole('heading', { name: 'Help from your organisation' })).toBeHidden();
});
