/**
 * The Alibaba Cloud ECD (WUYING) connector: the connector (the 90-day window, NextToken
 * drains, one-day rankings for daily points), the client with its ACS3-HMAC-SHA256
 * signing filter, the mapper from payloads to neutral records, the properties, and the
 * {@code payload} wire records that no other package sees.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.connector.alibaba;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
