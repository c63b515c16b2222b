"""The web console in a real browser: Debian's headless Chromium driven by Selenium against
`tenantsim serve`. Screenshots of each page go to out/screenshots/ (a few are kept in docs/images/)."""
import shutil
from pathlib import Path

import pytest
import requests

from conftest import _BANNER, _CA_BUNDLE, _CONTROL_KEY, CONTOSO_TENANT_ID, GRAPH_SCOPE, ONBOARDING_CLIENT_ID, ONBOARDING_SECRET, _binary

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "out" / "screenshots"

pytest.importorskip("selenium", reason="needs selenium: run scripts/setup")
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

GUEST = "casey@console-partner.example"


class ConsoleServer:
    """A `tenantsim serve` of its own: the walk-through moves the world clock and loads a lesson's
    world, which must not disturb the session server other tests validate tokens against."""

    def __init__(self, folder):

        import subprocess
        import threading
        import time

        self.process = subprocess.Popen([str(_binary()), "serve", "--state", str(folder / "state.sqlite"), "--port", "0", "--quiet"],
                                        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        lines = []
        threading.Thread(target=lambda: [lines.append(line) for line in self.process.stdout], daemon=True).start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            banner = "".join(lines)
            if _BANNER.search(banner) and _CA_BUNDLE.search(banner) and _CONTROL_KEY.search(banner):
                break
            time.sleep(0.1)
        banner = "".join(lines)
        assert _BANNER.search(banner), banner
        self.base_url = _BANNER.search(banner).group(1)
        self.ca_bundle = _CA_BUNDLE.search(banner).group(1)
        self.control_key = _CONTROL_KEY.search(banner).group(1)
        self.graph_url = f"{self.base_url}/v1.0"


    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def console_server(tmp_path_factory):
    server = ConsoleServer(tmp_path_factory.mktemp("console"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    if not shutil.which("chromedriver") or not shutil.which("chromium"):
        pytest.skip("needs Debian's chromium and chromium-driver: run scripts/setup")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--ignore-certificate-errors", "--window-size=1280,900",
                     "--force-device-scale-factor=0.8"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")))
    driver.set_page_load_timeout(60)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def heading(driver, expected):
    """Waits until the page's h1 contains `expected` (a click's navigation may still be loading)."""
    # A navigation can replace the page between finding the heading and reading it: try again.
    WebDriverWait(driver, 15, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: expected in (d.find_elements(By.TAG_NAME, "h1") or [None])[0].text if d.find_elements(By.TAG_NAME, "h1") else False)
    return driver.find_element(By.TAG_NAME, "h1").text


def shot(driver, name):
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_a_trainer_walks_through_the_console(console_server, browser):
    tenantsim_server = console_server
    base = tenantsim_server.base_url
    token = requests.post(
        f"{base}/{CONTOSO_TENANT_ID}/oauth2/v2.0/token",
        data={"grant_type": "client_credentials", "client_id": ONBOARDING_CLIENT_ID, "client_secret": ONBOARDING_SECRET, "scope": GRAPH_SCOPE},
        verify=tenantsim_server.ca_bundle, timeout=30,
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    invited = requests.post(f"{base}/v1.0/invitations", headers=headers, verify=tenantsim_server.ca_bundle, timeout=30,
                            json={"invitedUserEmailAddress": GUEST, "inviteRedirectUrl": "https://contoso.crm.dynamics.com",
                                  "invitedUserDisplayName": "Casey Console"}).json()
    guest_id = invited["invitedUser"]["id"]
    denied = requests.post(f"{base}/v1.0/users/{guest_id}/assignLicense", headers=headers, verify=tenantsim_server.ca_bundle, timeout=30,
                           json={"addLicenses": [{"skuId": "b30411f5-fea1-4a59-9ad9-3db7c7ead579", "disabledPlans": []}], "removeLicenses": []})
    assert denied.status_code == 400

    # 0. Sign in with the control key.
    browser.get(f"{base}/console")
    assert browser.current_url.endswith("/console/login")
    shot(browser, "00-sign-in")
    browser.find_element(By.ID, "key").send_keys(tenantsim_server.control_key)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert heading(browser, "Tenants") == "Tenants"
    shot(browser, "01-tenants")

    # 1. The users page, 2. filtered to guests.
    browser.get(f"{base}/console/users?tenant={CONTOSO_TENANT_ID}")
    assert "Users of Contoso" in heading(browser, "Users of Contoso")
    shot(browser, "02-users")
    browser.find_element(By.ID, "filter-guests").click()
    assert "Guests of Contoso" in heading(browser, "Guests of Contoso")
    assert "admin@contoso" not in browser.page_source
    shot(browser, "03-guests")

    # 3. Open the guest; 4. the checklist shows the blocking rule.
    browser.find_element(By.CSS_SELECTOR, f"a[href='/console/users/{guest_id}']").click()
    heading(browser, "Casey Console")
    assert browser.find_element(By.ID, "state").text == "PendingAcceptance"
    rule_links = browser.find_elements(By.CSS_SELECTOR, "a[href='/console/rules/license.assign.usage-location-missing']")
    assert rule_links, "the checklist links the rule that blocks the licence"
    shot(browser, "04-guest-checklist")

    # 5. Redeem the invitation through the page; 6. the state changes.
    browser.find_element(By.ID, "redeem").click()
    WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.notice"))
    assert browser.find_element(By.ID, "state").text == "Accepted"
    assert "redeemed the invitation with" in browser.find_element(By.CSS_SELECTOR, "p.notice").text
    assert not browser.find_elements(By.ID, "redeem")
    shot(browser, "05-guest-redeemed")

    # 7. The journal, and a denial followed to its rule page.
    browser.find_element(By.LINK_TEXT, "Journal").click()
    assert heading(browser, "Journal") == "Journal"
    shot(browser, "06-journal")
    browser.find_element(By.CSS_SELECTOR, "a.rule-link[href='/console/rules/license.assign.usage-location-missing']").click()
    assert heading(browser, "license.assign.usage-location-missing") == "license.assign.usage-location-missing"
    assert "License assignment cannot be done for user with invalid usage location." in browser.page_source
    shot(browser, "07-rule")

    # The other admin-center pages, and time passing for a class.
    for link, name in [("Invitations and outbox", "08-invitations"), ("Licences", "09-licences"), ("Environments", "10-environments"),
                       ("Groups", "12-groups"), ("Cross-tenant access", "13-cross-tenant-access")]:
        browser.find_element(By.LINK_TEXT, link).click()
        heading(browser, link.split()[0])
        shot(browser, name)
    browser.find_element(By.LINK_TEXT, "Tenants").click()
    heading(browser, "Tenants")
    browser.find_element(By.ID, "minutes").clear()
    browser.find_element(By.ID, "minutes").send_keys("30")
    browser.find_element(By.ID, "advance").click()
    WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.notice"))
    assert "30 minutes passed" in browser.find_element(By.CSS_SELECTOR, "p.notice").text
    shot(browser, "11-clock-advanced")

    # A class: save a snapshot, load a lesson's world, and reset back to the snapshot.
    browser.find_element(By.ID, "snapshot").send_keys("before-lesson")
    browser.find_element(By.ID, "save-snapshot").click()
    WebDriverWait(browser, 15).until(lambda d: "Saved the world" in d.page_source)
    browser.find_element(By.XPATH, "//button[starts-with(normalize-space(.), 'Load lesson 1:')]").click()
    WebDriverWait(browser, 15).until(lambda d: "Loaded the world of lesson 1" in d.page_source)
    shot(browser, "14-lesson-loaded")
    browser.find_element(By.XPATH, "//button[contains(., 'before-lesson')]").click()
    WebDriverWait(browser, 15).until(lambda d: "The world is back to" in d.page_source)
    browser.get(f"{base}/console/users/{guest_id}")
    heading(browser, "Casey Console")

    # Keyboard: the first Tab reaches the skip link, which leads to the content.
    browser.get(f"{base}/console/rules")
    active = browser.switch_to.active_element
    active.send_keys("\t")
    assert browser.switch_to.active_element.get_attribute("class") == "skip"
