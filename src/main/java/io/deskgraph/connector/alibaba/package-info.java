/**
 * Alibaba Cloud ECD (WUYING) connector: client, signer, properties and mapping to neutral
 * records.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.connector.alibaba;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
