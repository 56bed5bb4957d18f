/** mfgkit mfg-envs module. */
package org.mfgkit.envs;
