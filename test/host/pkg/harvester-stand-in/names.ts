/** TEST STAND-IN: the names Harvester's UI uses (product, types), shared by the stand-in's files. */
export const PRODUCT = 'harvester';
export const DASHBOARD = 'harvesterhci.io.dashboard';
export const VM = 'kubevirt.io.virtualmachine';
