package io.deskgraph.simulator;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the embedded simulators should run: {@code deskgraph.simulator.enabled} is
 * {@code true}, or it is unset and no vendor account ({@code deskgraph.accounts[0].id})
 * is configured.
 *
 * @author DeskGraph
 */
public class DemoModeCondition implements Condition {

	/** The property that switches the simulators on or off explicitly. */
	public static final String ENABLED_PROPERTY = "deskgraph.simulator.enabled";

	/** The property whose presence means real accounts are configured. */
	public static final String FIRST_ACCOUNT_PROPERTY = "deskgraph.accounts[0].id";

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return simulatorsEnabled(context.getEnvironment());
	}

	/**
	 * Decides whether the simulators run in the given environment.
	 * @param environment the environment to read
	 * @return {@code true} when the simulators should run
	 */
	public static boolean simulatorsEnabled(Environment environment) {
		// The binder applies relaxed binding, so DESKGRAPH_ACCOUNTS_0_ID counts as well.
		Binder binder = Binder.get(environment);
		Boolean enabled = binder.bind(ENABLED_PROPERTY, Boolean.class).orElse(null);
		if (enabled != null) {
			return enabled;
		}
		return !StringUtils.hasText(binder.bind(FIRST_ACCOUNT_PROPERTY, String.class).orElse(null));
	}

}
