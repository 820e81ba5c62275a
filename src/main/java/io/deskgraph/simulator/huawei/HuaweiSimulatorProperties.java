package io.deskgraph.simulator.huawei;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Settings of the Huawei Cloud Workspace simulator
 * ({@code deskgraph.simulator.huawei.*}); the secrets are demo values for local use only
 * and never appear in {@link #toString()}.
 *
 * @param port the port to listen on, 0 for a random free port
 * @param host the address to bind, {@code 0.0.0.0} to accept calls from other hosts
 * @param seed the seed of the synthetic estate; the same seed gives the same estate
 * @param desktops the number of desktops in the synthetic estate
 * @param projectId the only project id the simulator serves
 * @param accessKey the access key (AK) accepted for SDK-HMAC-SHA256 signatures
 * @param secretKey the secret key (SK) of the access key
 * @param iamToken the IAM token accepted in the {@code X-Auth-Token} header
 * @param securityToken the security token of temporary credentials; when set, a request
 * carrying {@code X-Security-Token} must send exactly this value and sign it
 * @param clockSkew the largest accepted difference between {@code X-Sdk-Date} and the
 * simulator clock
 * @param exportReadyAfter how long an export task stays {@code CREATING}
 * @param exportRetention how long a finished export stays downloadable before it is
 * {@code EXPIRED}
 * @param timeoutHold how long a call hit by an injected timeout is held before its
 * connection is closed
 * @param quotas calls allowed per access key, per API and per rolling minute
 * @param dayZone the zone of the service's days: usage is split per day of this zone and
 * each day's aggregate is stamped 23:59:59 of it; the demo account uses the same zone
 * @param aggregationHour the hour of {@code dayZone} on the next day at which a day is
 * aggregated for the metric APIs (0 to 23); the demo account uses the same hour
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.simulator.huawei")
public record HuaweiSimulatorProperties(@DefaultValue("18081") int port, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("42") long seed, @DefaultValue("300") int desktops,
		@DefaultValue("0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f") String projectId,
		@DefaultValue("HWDEMOAK00000000000A") String accessKey,
		@DefaultValue("hw-demo-secret-key-for-local-use-only") String secretKey,
		@DefaultValue("hw-demo-iam-token-for-local-use-only") String iamToken, @Nullable String securityToken,
		@DefaultValue("15m") Duration clockSkew, @DefaultValue("3s") Duration exportReadyAfter,
		@DefaultValue("24h") Duration exportRetention, @DefaultValue("60s") Duration timeoutHold,
		@DefaultValue Quotas quotas, @DefaultValue("UTC") ZoneId dayZone, @DefaultValue("2") int aggregationHour) {

	@Override
	public String toString() {
		return "HuaweiSimulatorProperties[port=" + this.port + ", host=" + this.host + ", seed=" + this.seed
				+ ", desktops=" + this.desktops + ", projectId=" + this.projectId + ", accessKey=" + this.accessKey
				+ ", secretKey=******, iamToken=******, securityToken="
				+ ((this.securityToken != null) ? "******" : null) + ", clockSkew=" + this.clockSkew
				+ ", exportReadyAfter=" + this.exportReadyAfter + ", exportRetention=" + this.exportRetention
				+ ", timeoutHold=" + this.timeoutHold + ", quotas=" + this.quotas + ", dayZone=" + this.dayZone
				+ ", aggregationHour=" + this.aggregationHour + "]";
	}

	/**
	 * Calls allowed per access key (or IAM token), per API and per rolling minute, as
	 * published for Workspace; the export and export-task APIs have no published quota,
	 * so they are assumed to share the common 200 per minute.
	 *
	 * @param listDesktopsStatistics calls per minute allowed for ListDesktopsStatistics
	 * @param listUnusedDesktops calls per minute allowed for ListUnusedDesktops
	 * @param listUsedDesktopInfo calls per minute allowed for ListUsedDesktopInfo
	 * (published as half the others)
	 * @param listDesktopUsageMetric calls per minute allowed for ListDesktopUsageMetric
	 * @param listUserUsageMetric calls per minute allowed for ListUserUsageMetric
	 * @param exportDesktopUsageMetric calls per minute allowed for
	 * ExportDesktopUsageMetric (assumed, not published)
	 * @param listExportTasks calls per minute allowed for ListExportTasks (assumed, not
	 * published)
	 * @param downloadExportFile calls per minute allowed for DownloadExportFile (assumed,
	 * not published)
	 * @param listDesktopsDetail calls per minute allowed for ListDesktopsDetail (assumed,
	 * not published: the flow-control table lists the statistics APIs only)
	 */
	public record Quotas(@DefaultValue("200") int listDesktopsStatistics, @DefaultValue("200") int listUnusedDesktops,
			@DefaultValue("100") int listUsedDesktopInfo, @DefaultValue("200") int listDesktopUsageMetric,
			@DefaultValue("200") int listUserUsageMetric, @DefaultValue("200") int exportDesktopUsageMetric,
			@DefaultValue("200") int listExportTasks, @DefaultValue("200") int downloadExportFile,
			@DefaultValue("200") int listDesktopsDetail) {

	}

}
