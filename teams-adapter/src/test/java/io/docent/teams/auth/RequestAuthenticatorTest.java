package io.docent.teams.auth;

import static io.docent.teams.testing.Fixtures.APP_ID;
import static io.docent.teams.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.microsoft.bot.schema.Activity;
import io.docent.teams.TeamsSettings;
import io.docent.teams.testing.Fixtures;
import io.docent.teams.testing.LocalOpenIdServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestAuthenticatorTest {

    private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";
    private static LocalOpenIdServer keys;
    private static RequestAuthenticator multiTenant;
    private static RequestAuthenticator singleTenant;

    private final Activity activity = Fixtures.activity("personal-message")
            .with("serviceUrl", SERVICE_URL)
            .parse();

    @BeforeAll
    static void serveKeys() {
        keys = LocalOpenIdServer.start();
        multiTenant = new RequestAuthenticator(
                TeamsSettings.multiTenant(APP_ID, "secret"), keys.endpoints(), Duration.ofSeconds(10));
        singleTenant = new RequestAuthenticator(
                TeamsSettings.singleTenant(APP_ID, "secret", TENANT), keys.endpoints(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        keys.close();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static int status(AuthOutcome outcome) {
        return outcome instanceof AuthOutcome.Rejected r ? r.status() : 200;
    }

    @Test
    void accepts_a_channel_token_signed_with_the_published_key() {
        String token = keys.sign(keys.channelToken(APP_ID, SERVICE_URL));

        AuthOutcome outcome = multiTenant.authenticate(bearer(token), activity);

        assertThat(outcome).isInstanceOf(AuthOutcome.Accepted.class);
        assertThat(((AuthOutcome.Accepted) outcome).identity().claims()).containsEntry("aud", APP_ID);
    }

    @Test
    void refuses_a_missing_or_empty_header() {
        assertThat(status(multiTenant.authenticate(null, activity))).isEqualTo(401);
        assertThat(status(multiTenant.authenticate("  ", activity))).isEqualTo(401);
    }

    @Test
    void refuses_garbage_without_throwing() {
        assertThat(status(multiTenant.authenticate("Bearer not-a-jwt", activity)))
                .isEqualTo(401);
        assertThat(status(multiTenant.authenticate("Bearer a.b.c", activity))).isEqualTo(401);
        assertThat(status(multiTenant.authenticate("Bearer", activity))).isEqualTo(401);
        assertThat(status(multiTenant.authenticate("Basic dXNlcjpwYXNz", activity)))
                .isEqualTo(401);
        assertThat(status(multiTenant.authenticate("Bearer x y", activity))).isEqualTo(401);
    }

    @Test
    void refuses_an_expired_token() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String token = keys.sign(keys.channelToken(APP_ID, SERVICE_URL)
                .withNotBefore(Date.from(past.minus(Duration.ofHours(1))))
                .withIssuedAt(Date.from(past.minus(Duration.ofHours(1))))
                .withExpiresAt(Date.from(past)));

        assertThat(status(multiTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void refuses_a_token_for_another_bot() {
        String token = keys.sign(keys.channelToken("another-app-id", SERVICE_URL));

        assertThat(status(multiTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void refuses_a_token_whose_service_url_is_not_the_activitys() {
        String token = keys.sign(keys.channelToken(APP_ID, "https://attacker.example.com/"));

        assertThat(status(multiTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void refuses_a_channel_token_without_a_service_url_claim() {
        String token = keys.sign(keys.channelToken(APP_ID, SERVICE_URL).withClaim("serviceurl", (String) null));

        assertThat(status(multiTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void refuses_a_token_without_an_expiry() {
        String token = keys.sign(keys.channelToken(APP_ID, SERVICE_URL).withExpiresAt((Date) null));

        assertThat(status(multiTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void refuses_a_token_signed_with_an_unpublished_key() {
        String token = keys.signWithStrangerKey(keys.channelToken(APP_ID, SERVICE_URL));

        assertThat(status(multiTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void refuses_a_token_from_another_issuer_or_with_a_symmetric_signature() {
        String otherIssuer = keys.sign(keys.channelToken(APP_ID, SERVICE_URL).withIssuer("https://evil.example.com"));
        String hmac = keys.channelToken(APP_ID, SERVICE_URL).sign(Algorithm.HMAC256("guessable"));
        String unsigned = JWT.create()
                .withIssuer(LocalOpenIdServer.CHANNEL_ISSUER)
                .withAudience(APP_ID)
                .withClaim("serviceurl", SERVICE_URL)
                .withExpiresAt(Date.from(Instant.now().plusSeconds(600)))
                .sign(Algorithm.none());

        assertThat(status(multiTenant.authenticate(bearer(otherIssuer), activity)))
                .isEqualTo(401);
        assertThat(status(multiTenant.authenticate(bearer(hmac), activity))).isEqualTo(401);
        assertThat(status(multiTenant.authenticate(bearer(unsigned), activity))).isEqualTo(401);
    }

    @Test
    void refuses_a_key_not_endorsed_for_the_activitys_channel() {
        activity.setChannelId("slack");
        String token = keys.sign(keys.channelToken(APP_ID, SERVICE_URL));

        assertThat(status(multiTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void single_tenant_accepts_its_tenants_token_on_a_microsoft_service_url() {
        String token = keys.sign(keys.tenantToken(TENANT, APP_ID));

        assertThat(singleTenant.authenticate(bearer(token), activity)).isInstanceOf(AuthOutcome.Accepted.class);
        assertThat(status(multiTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void single_tenant_refuses_another_tenants_token_and_foreign_service_urls() {
        String otherTenant = "11111111-2222-3333-4444-555555555555";
        String foreign = keys.sign(keys.tenantToken(otherTenant, APP_ID));
        String spoofedTid = keys.sign(keys.tenantToken(TENANT, APP_ID).withClaim("tid", otherTenant));
        Activity local = Fixtures.activity("personal-message")
                .with("serviceUrl", "http://127.0.0.1:9/")
                .parse();
        String ownTenant = keys.sign(keys.tenantToken(TENANT, APP_ID));

        assertThat(status(singleTenant.authenticate(bearer(foreign), activity))).isEqualTo(401);
        assertThat(status(singleTenant.authenticate(bearer(spoofedTid), activity)))
                .isEqualTo(401);
        assertThat(status(singleTenant.authenticate(bearer(ownTenant), local))).isEqualTo(401);
    }

    @Test
    void a_tenant_token_must_be_requested_by_the_bot_itself() {
        String v2Stranger =
                keys.sign(keys.tenantToken(TENANT, APP_ID).withClaim("azp", "some-other-app-of-the-tenant"));
        String v2NoCaller = keys.sign(keys.tenantToken(TENANT, APP_ID).withClaim("azp", (String) null));
        String v1Own = keys.sign(keys.tenantTokenV1(TENANT, APP_ID));
        String v1Stranger = keys.sign(keys.tenantTokenV1(TENANT, APP_ID).withClaim("appid", "some-other-app"));
        String v1WithAzpOnly = keys.sign(keys.tenantTokenV1(TENANT, APP_ID)
                .withClaim("appid", (String) null)
                .withClaim("azp", APP_ID));
        String versionMismatch = keys.sign(keys.tenantToken(TENANT, APP_ID).withClaim("ver", "1.0"));

        assertThat(status(singleTenant.authenticate(bearer(v2Stranger), activity)))
                .isEqualTo(401);
        assertThat(status(singleTenant.authenticate(bearer(v2NoCaller), activity)))
                .isEqualTo(401);
        assertThat(singleTenant.authenticate(bearer(v1Own), activity)).isInstanceOf(AuthOutcome.Accepted.class);
        assertThat(status(singleTenant.authenticate(bearer(v1Stranger), activity)))
                .isEqualTo(401);
        assertThat(status(singleTenant.authenticate(bearer(v1WithAzpOnly), activity)))
                .isEqualTo(401);
        assertThat(status(singleTenant.authenticate(bearer(versionMismatch), activity)))
                .isEqualTo(401);
    }

    @Test
    void a_tenant_token_of_a_configured_trusted_caller_is_accepted() {
        var trusting = new RequestAuthenticator(
                TeamsSettings.singleTenant(APP_ID, "secret", TENANT).withTrustedCallers(Set.of("abs-caller-app")),
                keys.endpoints(),
                Duration.ofSeconds(10));
        String token = keys.sign(keys.tenantToken(TENANT, APP_ID).withClaim("azp", "abs-caller-app"));

        assertThat(trusting.authenticate(bearer(token), activity)).isInstanceOf(AuthOutcome.Accepted.class);
        assertThat(status(singleTenant.authenticate(bearer(token), activity))).isEqualTo(401);
    }

    @Test
    void a_tenant_token_with_a_service_url_claim_must_name_the_activitys() {
        String matching = keys.sign(keys.tenantToken(TENANT, APP_ID).withClaim("serviceurl", SERVICE_URL));
        String other = keys.sign(keys.tenantToken(TENANT, APP_ID).withClaim("serviceurl", "https://evil.example/"));

        assertThat(singleTenant.authenticate(bearer(matching), activity)).isInstanceOf(AuthOutcome.Accepted.class);
        assertThat(status(singleTenant.authenticate(bearer(other), activity))).isEqualTo(401);
    }

    @Test
    void single_tenant_still_accepts_bot_framework_channel_tokens() {
        String token = keys.sign(keys.channelToken(APP_ID, SERVICE_URL));

        assertThat(singleTenant.authenticate(bearer(token), activity)).isInstanceOf(AuthOutcome.Accepted.class);
    }

    @Test
    void without_an_app_id_everything_is_accepted_as_anonymous() {
        var insecure =
                new RequestAuthenticator(TeamsSettings.insecureLocalOnly(), keys.endpoints(), Duration.ofSeconds(1));

        assertThat(insecure.authenticate(null, activity)).isInstanceOf(AuthOutcome.Accepted.class);
    }

    @Test
    void signing_keys_that_do_not_arrive_in_time_give_503_not_a_hang() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String base = "http://127.0.0.1:" + silent.getLocalPort();
            var slow = new RequestAuthenticator(
                    TeamsSettings.multiTenant(APP_ID, "secret"),
                    new AuthEndpoints(base + "/metadata", base + "/%s"),
                    Duration.ofMillis(300));
            String token = keys.sign(keys.channelToken(APP_ID, SERVICE_URL));

            long started = System.nanoTime();
            int status = status(slow.authenticate(bearer(token), activity));

            assertThat(status).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void unreachable_signing_keys_refuse_the_request() {
        var nowhere = new RequestAuthenticator(
                TeamsSettings.multiTenant(APP_ID, "secret"),
                new AuthEndpoints("http://127.0.0.1:9/nothing", "http://127.0.0.1:9/%s"),
                Duration.ofSeconds(10));
        String token = keys.sign(keys.channelToken(APP_ID, SERVICE_URL));

        assertThat(status(nowhere.authenticate(bearer(token), activity))).isEqualTo(401);
    }
}
