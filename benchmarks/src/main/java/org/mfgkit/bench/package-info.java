/** mfgkit benchmarks module. */
package org.mfgkit.bench;
