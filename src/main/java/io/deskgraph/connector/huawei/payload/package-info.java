/**
 * Huawei Cloud Workspace wire records, read and written only by the Huawei connector.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.connector.huawei.payload;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
