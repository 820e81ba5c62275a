package io.deskgraph.connector;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.EnterpriseProjects;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;

/**
 * One configured vendor account ({@code deskgraph.accounts[n]}); credentials come from
 * environment placeholders and never appear in {@link #toString()}.
 *
 * @param id account id used in arguments and global ids (letters, digits, '-' and '_')
 * @param vendor the vendor, HUAWEI or ALIBABA
 * @param region the vendor region, for example cn-north-4
 * @param name a display name
 * @param endpoint the API endpoint; defaults to the vendor's public endpoint for the
 * region
 * @param projectId the Huawei project id
 * @param accessKey the access key id (Huawei AK, Alibaba AccessKey ID)
 * @param secretKey the secret (Huawei SK, Alibaba AccessKey secret)
 * @param securityToken a security token for temporary credentials (Huawei STS, Alibaba
 * STS)
 * @param authToken a Huawei IAM token sent as X-Auth-Token instead of AK/SK signing
 * @param bizType the Alibaba BizType sent with usage ranking calls
 * @param regions every region the account covers (Alibaba); defaults to {@code region}
 * @param dayZone the zone of the vendor's days for this account; defaults to UTC
 * @param aggregationHour the hour of {@code dayZone} by which the vendor has aggregated
 * the previous day (0 to 23); defaults to 2
 * @param enterpriseProjectId the Huawei enterprise project queries are scoped to unless a
 * query names one
 * @author DeskGraph
 */
public record AccountProperties(String id, Vendor vendor, String region, @Nullable String name, @Nullable URI endpoint,
		@Nullable String projectId, @Nullable String accessKey, @Nullable String secretKey,
		@Nullable String securityToken, @Nullable String authToken, @Nullable Integer bizType,
		@Nullable List<String> regions, @Nullable ZoneId dayZone, @Nullable Integer aggregationHour,
		@Nullable String enterpriseProjectId) {

	/**
	 * The endpoint to call: the configured one, checked to be an absolute http(s) URL,
	 * else the vendor's public endpoint for the region.
	 * @param vendorEndpoint the vendor's public endpoint for this account's region
	 * @return the endpoint
	 * @throws IllegalArgumentException if the configured endpoint is not an absolute
	 * http(s) URL
	 */
	public URI endpointOr(URI vendorEndpoint) {
		if (this.endpoint == null) {
			return vendorEndpoint;
		}
		if (this.endpoint.getHost() == null
				|| !("http".equals(this.endpoint.getScheme()) || "https".equals(this.endpoint.getScheme()))) {
			throw new IllegalArgumentException(this.vendor + " account '" + this.id + "' has endpoint '" + this.endpoint
					+ "', which is not an absolute http(s) URL");
		}
		return this.endpoint;
	}

	/**
	 * The account these properties configure, with the documented defaults for what is
	 * not set.
	 * @return the account
	 * @throws IllegalArgumentException if aggregation-hour is outside 0 to 23, regions
	 * has a blank entry, or enterprise-project-id is set on a vendor without enterprise
	 * projects or is neither "0" nor a UUID
	 */
	public Account account() {
		if (this.aggregationHour != null && (this.aggregationHour < 0 || this.aggregationHour > 23)) {
			throw new IllegalArgumentException("deskgraph.accounts[" + this.id
					+ "].aggregation-hour must be 0 to 23; got " + this.aggregationHour);
		}
		String enterpriseProject = (this.enterpriseProjectId != null && !this.enterpriseProjectId.isBlank())
				? this.enterpriseProjectId.trim() : null;
		if (enterpriseProject != null && this.vendor != Vendor.HUAWEI) {
			throw new IllegalArgumentException("deskgraph.accounts[" + this.id
					+ "].enterprise-project-id is a Huawei setting; " + this.vendor + " has no enterprise projects");
		}
		if (enterpriseProject != null && !EnterpriseProjects.isValid(enterpriseProject)) {
			throw new IllegalArgumentException("deskgraph.accounts[" + this.id
					+ "].enterprise-project-id must be \"0\" (the default project) or the project's UUID; got '"
					+ enterpriseProject + "'");
		}
		List<String> covered = new ArrayList<>();
		covered.add(this.region);
		for (String other : (this.regions != null) ? this.regions : List.<String>of()) {
			if (other == null || other.isBlank()) {
				throw new IllegalArgumentException("deskgraph.accounts[" + this.id + "].regions has a blank entry");
			}
			if (!covered.contains(other.trim())) {
				covered.add(other.trim());
			}
		}
		return new Account(this.id, this.vendor, this.region, this.name, List.copyOf(covered),
				(this.dayZone != null) ? this.dayZone : Account.UTC,
				(this.aggregationHour != null) ? this.aggregationHour : Account.DEFAULT_AGGREGATION_HOUR,
				enterpriseProject);
	}

	@Override
	public String toString() {
		return "AccountProperties[id=" + this.id + ", vendor=" + this.vendor + ", region=" + this.region + ", regions="
				+ this.regions + ", endpoint=" + this.endpoint + ", projectId=" + this.projectId + ", accessKey="
				+ mask(this.accessKey) + ", secretKey=" + mask(this.secretKey) + ", securityToken="
				+ mask(this.securityToken) + ", authToken=" + mask(this.authToken) + "]";
	}

	private static String mask(@Nullable String secret) {
		return (secret != null) ? "******" : "null";
	}

}
