package org.clusterdynamics.compile;

import java.util.List;
import java.util.Map;

/**
 * A dimension with canonical element ids; {@code mapsTo} names the dimensions it maps onto, and
 * {@code mapLists} holds, for a mapping that lists them, the element or subrange of the target that
 * each of this dimension's elements corresponds to, in order.
 */
record DimInfo(String id, String written, List<String> ids, List<String> written_, List<String> mapsTo,
        Map<String, List<String>> mapLists) {
    int indexOf(String elementId) {
        return ids.indexOf(elementId);
    }
}
