/**
 * Alibaba Cloud ECD wire records, read only by the Alibaba connector.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.connector.alibaba.payload;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
