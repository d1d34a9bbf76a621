package org.nianbao.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewers sign in to the pages with their identity provider (the authorization code flow, run by quarkus-oidc
 * against a real OpenID provider on localhost), in headless Chromium: a reviewer lands in the queue of their region; a
 * person without the reviewer role is sent back to the sign-in page, told why.
 */
class ReviewSignInIT {
    static TestLoginServer provider;
    static StackFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        provider = new TestLoginServer();
        fixture = StackFixture.start(stack -> stack.environment("publication", Map.of("NIANBAO_OIDC_ENABLED", "true",
                "NIANBAO_OIDC_AUTH_SERVER_URL", provider.url(), "NIANBAO_OIDC_WEB_ENABLED", "true",
                "NIANBAO_OIDC_WEB_CLIENT_SECRET", "review-client-secret")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        provider.close();
    }

    @Test
    void aReviewerSignsInWithTheIdentityProviderAndSeesTheQueueOfTheirRegion() throws Exception {
        Assumptions.assumeTrue(Browser.unavailable() == null, Browser.unavailable());
        provider.signInAs("zhang.wei", List.of("reviewer"), "36");
        try (Browser browser = new Browser()) {
            browser.driver.get(fixture.publication() + "/review");
            assertThat(browser.driver.getCurrentUrl()).contains("/review/signin");
            browser.screenshot("signin-01-page");
            browser.clickAndLoad(browser.driver.findElement(By.id("signin-oidc")));
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("待审核报告");
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("zhang.wei", "区划 36*");
            browser.screenshot("signin-02-queue");
        }
    }

    @Test
    void aPersonWithoutTheReviewerRoleIsToldWhy() throws Exception {
        Assumptions.assumeTrue(Browser.unavailable() == null, Browser.unavailable());
        provider.signInAs("li.na", List.of("staff"), "36");
        try (Browser browser = new Browser()) {
            browser.driver.get(fixture.publication() + "/review/signin");
            browser.clickAndLoad(browser.driver.findElement(By.id("signin-oidc")));
            assertThat(browser.driver.getCurrentUrl()).contains("/review/signin");
            assertThat(browser.driver.findElement(By.cssSelector("p.err")).getText()).contains("li.na", "'reviewer'");
        }
    }
}
