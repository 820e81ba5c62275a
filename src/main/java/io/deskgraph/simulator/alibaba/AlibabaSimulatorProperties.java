package io.deskgraph.simulator.alibaba;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Settings of the Alibaba Cloud ECD simulator ({@code deskgraph.simulator.alibaba.*});
 * the secrets are demo values for local use only and never appear in {@link #toString()}.
 *
 * @param port the port to listen on, 0 for a random free port
 * @param host the address to bind, {@code 0.0.0.0} to accept calls from other hosts
 * @param seed the seed of the synthetic estate; the same seed gives the same estate
 * @param desktops the number of desktops in the synthetic estate, across all regions
 * @param accessKeyId the only AccessKey ID the simulator knows
 * @param accessKeySecret the AccessKey secret that signs requests of that AccessKey
 * @param securityToken the STS token of temporary credentials; when set, a request
 * carrying {@code x-acs-security-token} (V3) or {@code SecurityToken} (V2) must send
 * exactly this value, and when unset such a request is rejected
 * @param clockSkew the largest accepted difference between the signed request time
 * ({@code x-acs-date} or {@code Timestamp}) and the simulator clock
 * @param nonceRetention how long a signature nonce is remembered to reject replays; at
 * least twice the clock skew so that a request stays unreplayable for as long as its time
 * is accepted
 * @param timeoutHold how long a call hit by an injected timeout is held before its
 * connection is closed
 * @param quotas calls allowed per AccessKey, per action and per rolling minute
 * @param dayZone the zone of the days StartDate and EndDate name (Alibaba documents none;
 * China time by default, the zone of Alibaba Cloud's billing days, so that the demo shows
 * accounts of different day zones side by side); the demo account uses the same zone
 * @param aggregationHour the hour of {@code dayZone} on the next day from which the demo
 * account treats a day as final; the simulator itself counts each hour once it has ended,
 * so its days are final at midnight, before any such hour
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.simulator.alibaba")
public record AlibabaSimulatorProperties(@DefaultValue("18082") int port, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("7") long seed, @DefaultValue("240") int desktops,
		@DefaultValue("LTAIdemoAK0000000001") String accessKeyId,
		@DefaultValue("ali-demo-secret-for-local-use-only") String accessKeySecret, @Nullable String securityToken,
		@DefaultValue("15m") Duration clockSkew, @DefaultValue("30m") Duration nonceRetention,
		@DefaultValue("60s") Duration timeoutHold, @DefaultValue Quotas quotas,
		@DefaultValue("Asia/Shanghai") ZoneId dayZone, @DefaultValue("2") int aggregationHour) {

	@Override
	public String toString() {
		return "AlibabaSimulatorProperties[port=" + this.port + ", host=" + this.host + ", seed=" + this.seed
				+ ", desktops=" + this.desktops + ", accessKeyId=" + this.accessKeyId
				+ ", accessKeySecret=******, securityToken=" + ((this.securityToken != null) ? "******" : null)
				+ ", clockSkew=" + this.clockSkew + ", nonceRetention=" + this.nonceRetention + ", timeoutHold="
				+ this.timeoutHold + ", quotas=" + this.quotas + ", dayZone=" + this.dayZone + ", aggregationHour="
				+ this.aggregationHour + "]";
	}

	/**
	 * Calls allowed per AccessKey, per action and per rolling minute, answered beyond
	 * that with {@code Throttling.User} (HTTP 400). Alibaba publishes no quota for these
	 * actions, so the defaults are assumptions, not confirmed numbers.
	 *
	 * @param queryHistoryUsageDurationRank calls per minute allowed for
	 * QueryHistoryUsageDurationRank (assumed)
	 * @param describeDesktops calls per minute allowed for DescribeDesktops (assumed)
	 */
	public record Quotas(@DefaultValue("100") int queryHistoryUsageDurationRank,
			@DefaultValue("200") int describeDesktops) {

	}

}
