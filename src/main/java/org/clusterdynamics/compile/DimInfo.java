package org.clusterdynamics.compile;

import java.util.List;

/** A dimension with canonical element ids. */
record DimInfo(String id, String written, List<String> ids, List<String> written_, List<String> mapsTo) {
    int indexOf(String elementId) {
        return ids.indexOf(elementId);
    }
}
