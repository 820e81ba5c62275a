package io.deskgraph.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A JWT issuer for tests of bearer authentication: an RSA key pair of its own, RS256
 * tokens valid for five minutes, and the decoder that trusts exactly this issuer.
 *
 * @author DeskGraph
 */
public final class TestIssuer {

	private final KeyPair keys;

	/** Creates an issuer with a new 2048-bit RSA key pair. */
	public TestIssuer() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			this.keys = generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Signs a token for a subject.
	 * @param subject the {@code sub} claim
	 * @param claims further claims (accounts, scope)
	 * @return the serialized token
	 */
	public String token(String subject, Map<String, Object> claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject)
			.issuer("https://issuer.example")
			.issueTime(Date.from(Instant.now()))
			.expirationTime(Date.from(Instant.now().plusSeconds(300)));
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
		try {
			jwt.sign(new RSASSASigner(this.keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * The decoder a gateway that trusts this issuer uses.
	 * @return a decoder checking signatures with this issuer's public key
	 */
	public ReactiveJwtDecoder decoder() {
		return NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) this.keys.getPublic()).build();
	}

}
