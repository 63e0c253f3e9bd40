package org.clusterdynamics.structure;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;

/**
 * Runs ELK's layered layout as a plain Java library. Outside Eclipse nothing registers ELK's
 * option types, so the meta-data service is started (it registers the core types with ElkReflect)
 * and given the layered algorithm's options once, before the first layout.
 */
final class Elk {
    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private Elk() {}

    /** Lays out the graph in place. */
    static void layered(ElkNode root) {
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
    }
}
