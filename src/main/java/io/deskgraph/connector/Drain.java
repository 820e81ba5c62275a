package io.deskgraph.connector;

import java.util.Locale;

import io.deskgraph.usage.Vendor;

/**
 * A drain of every page of one vendor API for one account and one set of parameters, the
 * unit the drain jobs are shared and cached by.
 *
 * @param vendor the vendor
 * @param accountId the account whose quota the drain spends
 * @param api the vendor operation whose pages are drained
 * @param key what identifies the drain among the account's drains of that API (a record
 * of the normalized parameters)
 * @param freshness how long the drained data stays true
 * @param what what the drain fetches, for messages, for example
 * {@code "usage ranking from 2026-11-01 to 2026-11-28"}
 * @author DeskGraph
 */
public record Drain(Vendor vendor, String accountId, String api, Object key, Freshness freshness, String what) {

	/**
	 * The drain as a call of its API, for the quota it is paced by.
	 * @return the call
	 */
	UpstreamRequest asRequest() {
		return new UpstreamRequest(this.vendor, this.accountId, this.api, this.key, this.freshness);
	}

	@Override
	public String toString() {
		return this.vendor.name().toLowerCase(Locale.ROOT) + ":" + this.accountId + ":" + this.api + ":" + this.key;
	}

}
