package io.docent.teams.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.docent.teams.auth.AuthEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.Executors;

/**
 * The Bot Framework's and an Entra tenant's OpenID metadata and signing keys, served on 127.0.0.1 with a key made
 * for the test, and tokens signed with it. Channel keys carry the {@code msteams} endorsement, as the real ones do.
 */
public final class LocalOpenIdServer implements AutoCloseable {

    public static final String CHANNEL_ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "docent-test-key";

    private final HttpServer server;
    private final KeyPair keys = rsa();
    private final KeyPair strangerKeys = rsa();

    private LocalOpenIdServer(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(
                "/channel/.well-known/openidconfiguration", e -> metadata(e, CHANNEL_ISSUER, "/channel/keys"));
        server.createContext("/channel/keys", e -> json(e, jwks("[\"msteams\", \"skype\"]")));
        server.createContext("/tenant/", e -> {
            if (e.getRequestURI().getPath().endsWith("/keys")) {
                json(e, jwks(null));
            } else {
                String tenant = e.getRequestURI().getPath().split("/")[2];
                metadata(e, "https://login.microsoftonline.com/" + tenant + "/v2.0", "/tenant/" + tenant + "/keys");
            }
        });
        server.start();
    }

    public static LocalOpenIdServer start() {
        try {
            return new LocalOpenIdServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public AuthEndpoints endpoints() {
        return new AuthEndpoints(
                baseUrl() + "/channel/.well-known/openidconfiguration",
                baseUrl() + "/tenant/%s/v2.0/.well-known/openid-configuration");
    }

    /** A valid channel token for {@code appId} and {@code serviceUrl}, to be changed by the test. */
    public JWTCreator.Builder channelToken(String appId, String serviceUrl) {
        Instant now = Instant.now();
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(CHANNEL_ISSUER)
                .withAudience(appId)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(now.minus(Duration.ofMinutes(1))))
                .withIssuedAt(Date.from(now.minus(Duration.ofMinutes(1))))
                .withExpiresAt(Date.from(now.plus(Duration.ofHours(1))));
    }

    /**
     * A valid v2 token of {@code tenant} for {@code appId}, without a serviceurl claim, requested by the bot itself
     * ({@code azp} is {@code appId}).
     */
    public JWTCreator.Builder tenantToken(String tenant, String appId) {
        Instant now = Instant.now();
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer("https://login.microsoftonline.com/" + tenant + "/v2.0")
                .withAudience(appId)
                .withClaim("tid", tenant)
                .withClaim("ver", "2.0")
                .withClaim("azp", appId)
                .withNotBefore(Date.from(now.minus(Duration.ofMinutes(1))))
                .withExpiresAt(Date.from(now.plus(Duration.ofHours(1))));
    }

    /** A valid v1 token of {@code tenant} for {@code appId} ({@code sts.windows.net} issuer, {@code appid} claim). */
    public JWTCreator.Builder tenantTokenV1(String tenant, String appId) {
        Instant now = Instant.now();
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer("https://sts.windows.net/" + tenant + "/")
                .withAudience(appId)
                .withClaim("tid", tenant)
                .withClaim("ver", "1.0")
                .withClaim("appid", appId)
                .withNotBefore(Date.from(now.minus(Duration.ofMinutes(1))))
                .withExpiresAt(Date.from(now.plus(Duration.ofHours(1))));
    }

    public String sign(JWTCreator.Builder token) {
        return token.sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate()));
    }

    /** Signed with a key the metadata does not publish (same key id). */
    public String signWithStrangerKey(JWTCreator.Builder token) {
        return token.sign(
                Algorithm.RSA256((RSAPublicKey) strangerKeys.getPublic(), (RSAPrivateKey) strangerKeys.getPrivate()));
    }

    private String jwks(String endorsements) {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\""
                + (endorsements == null ? "" : ",\"endorsements\":" + endorsements) + "}]}";
    }

    private void metadata(HttpExchange exchange, String issuer, String keysPath) throws IOException {
        json(
                exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + baseUrl() + keysPath + "\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
