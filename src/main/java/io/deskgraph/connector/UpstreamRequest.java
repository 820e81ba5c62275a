package io.deskgraph.connector;

import io.deskgraph.usage.Vendor;

/**
 * One vendor API call as the cache and the resilience chain see it: whose quota it
 * spends, what identifies its answer, and how long that answer stays true.
 *
 * @param vendor the vendor
 * @param accountId the account whose quota the call spends
 * @param api the vendor operation, for example {@code ListUsedDesktopInfo}
 * @param key what identifies the answer among the account's answers of that API (a record
 * of the normalized parameters)
 * @param freshness how long the answer stays true
 * @author DeskGraph
 */
public record UpstreamRequest(Vendor vendor, String accountId, String api, Object key, Freshness freshness) {

}
