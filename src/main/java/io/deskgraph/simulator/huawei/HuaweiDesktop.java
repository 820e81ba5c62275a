package io.deskgraph.simulator.huawei;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * One desktop of the simulated Workspace estate.
 *
 * @param id the desktop id (UUID-shaped)
 * @param name the computer name, e.g. {@code wks-fin-0012}
 * @param type regular ({@code DEDICATED}) or in a desktop pool ({@code POOLED})
 * @param poolId the desktop pool id, only for pooled desktops
 * @param createTime when the desktop was created
 * @param attachState whether a user is assigned
 * @param runState the power state
 * @param loginState the session state
 * @param userName the assigned user; only attached desktops have one, and only they are
 * ever used
 * @param enterpriseProjectId the enterprise project: {@code "0"} (the default project) or
 * a UUID; a user's desktops share one
 * @author DeskGraph
 */
public record HuaweiDesktop(String id, String name, DesktopType type, @Nullable String poolId, Instant createTime,
		AttachState attachState, RunState runState, LoginState loginState, @Nullable String userName,
		String enterpriseProjectId) {

	/**
	 * Desktop type as in the {@code desktop_type} parameter.
	 */
	public enum DesktopType {

		/** A regular desktop (exclusive or dedicated). */
		DEDICATED,

		/** A desktop inside a desktop pool. */
		POOLED

	}

	/**
	 * Assignment state, counted in {@code attach_statistics}.
	 */
	public enum AttachState {

		/** A user is assigned. */
		ATTACHED,

		/** No user is assigned. */
		UNATTACHED,

		/** Assignment in progress. */
		ATTACHING,

		/** Assignment failed. */
		ATTACH_ERROR

	}

	/**
	 * Power state, counted in {@code run_state_statistics}.
	 */
	public enum RunState {

		/** Running. */
		ACTIVE,

		/** Stopped. */
		STOPPED,

		/** Faulty. */
		ERROR,

		/** Hibernated. */
		HIBERNATED

	}

	/**
	 * Session state, counted in {@code login_state_statistics}.
	 */
	public enum LoginState {

		/** A user is logged in. */
		IN_USE,

		/** The desktop is stopped. */
		STOPPED,

		/** The desktop agent has not registered. */
		UNREGISTERED,

		/** The desktop cannot be connected to. */
		UNABLE_TO_CONNECT,

		/** Idle, ready for a login. */
		READY,

		/** The user's session is disconnected. */
		DISCONNECTED

	}

}
