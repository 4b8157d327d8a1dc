export { listDepartments, getDepartment, findDepartmentByCode, createDepartment, listRegions, registerRegions, countDepartments } from './service';
export type { DepartmentRow, RegionRow, NewDepartment } from './service';
export { registerDepartmentRoutes } from './routes';
