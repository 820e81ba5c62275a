/**
 * The Huawei Cloud Workspace connector: the connector (vendor window limits, offset
 * paging, 31-day splits), the client with its SDK-HMAC-SHA256 signing filter, the mapper
 * from payloads to neutral records, the properties, and the {@code payload} wire records
 * that no other package sees.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.connector.huawei;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
