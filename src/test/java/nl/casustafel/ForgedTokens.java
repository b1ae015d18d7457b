package nl.casustafel;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Tokens an attacker could make, for the tests that prove the API refuses them. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** Claims as the server's tokens have them, for this user and session, valid for an hour. */
    public static JWTClaimsSet claims(String username, String sessionId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("casustafel")
                .subject(username)
                .jwtID(sessionId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", List.of("PRIVACY_OFFICER", "ADMIN"))
                .build();
    }

    /** A new session id that the server never opened. */
    public static String unknownSession() {
        return UUID.randomUUID().toString();
    }

    /** {@code {"alg":"none"}}: no signature at all. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** Signed with HS256 and this key (the server's, or a wrong one). */
    public static String signed(JWTClaimsSet claims, String key) {
        return signed(claims, key, JWSAlgorithm.HS256);
    }

    public static String signed(JWTClaimsSet claims, String key, JWSAlgorithm algorithm) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a real token (not checked). */
    public static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header of a token, as JSON. */
    public static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    /** The real token with its payload replaced, keeping the server's signature. */
    public static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** The real token's claims with the subject changed. */
    public static JWTClaimsSet withSubject(JWTClaimsSet claims, String subject) {
        return new JWTClaimsSet.Builder(claims).subject(subject).build();
    }

    /** The real token's claims, expired a minute ago. */
    public static JWTClaimsSet expired(JWTClaimsSet claims) {
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        return new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(past.minus(Duration.ofHours(8))))
                .notBeforeTime(Date.from(past.minus(Duration.ofHours(8))))
                .expirationTime(Date.from(past))
                .build();
    }
}
