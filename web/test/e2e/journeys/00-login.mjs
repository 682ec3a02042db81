// The login page: the fields password managers and assistive tools look for, a wrong
// password refused without saying which half was wrong, and axe-core in both languages.
export default async function (t) {
  for (const [width, height] of [[1366, 768], [375, 740]]) {
    const page = await t.open({ user: null, width, height });
    await page.locator('#login-username').waitFor();
    t.check((await page.locator('#login-username').getAttribute('autocomplete')) === 'username', `login (${width}): autocomplete="username"`);
    t.check((await page.locator('#login-password').getAttribute('autocomplete')) === 'current-password', `login (${width}): autocomplete="current-password"`);
    // The user name has the focus on arrival; Tab goes on to the password.
    t.check((await page.evaluate(() => document.activeElement?.id)) === 'login-username', `login (${width}): the user name field has the focus`);
    await page.keyboard.press('Tab');
    t.check((await page.evaluate(() => document.activeElement?.id)) === 'login-password', `login (${width}): Tab reaches the password`);
    await t.shot(page, `login-${width}`);
    await t.axe(page, `login (${width})`);
    await page.locator('#login-username').fill('siti');
    await page.locator('#login-password').fill('not-the-password');
    await page.locator('form button[type=submit]').click();
    await page.locator('[role=alert]').waitFor();
    t.check(/user name or password/i.test(await page.locator('[role=alert]').textContent()), `login (${width}): a wrong password is refused`);
  }
}
