/** mfgkit natural-actor-critic module. */
package org.mfgkit.nac;
