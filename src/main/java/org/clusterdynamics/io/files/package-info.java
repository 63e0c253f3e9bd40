/** Where model readers find the data files a model reads (recorded or redirected for the Spark runner). */
package org.clusterdynamics.io.files;
