/**
 * The connectors' shared runtime, above the model: the configured accounts and who may
 * see them, the upstream executor every vendor call goes through (cache, single flight,
 * quota, breaker, retries, deadline and call budget) and the vendor HTTP plumbing; one
 * sub-package per vendor.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.connector;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
